package org.forewarn.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outreach records and their status history. Status changes only leave the statuses they are allowed from. */
@Repository
public class OutreachStore {

	private static final String COLUMNS = "id, customer_id, order_id, rule_name, rule_version, problem, channel, "
			+ "template, decided_at, send_at, status, status_reason, sent_at, explanation";

	private final JdbcClient jdbc;

	OutreachStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new record; false when one with the same dedupe key exists. */
	boolean insert(Outreach o, String dedupeKey) {
		try {
			jdbc.sql("insert into outreach (" + COLUMNS + ", dedupe_key, updated_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(), o.channel(),
						o.template(), utc(o.decidedAt()), utc(o.sendAt()), o.status().name(), o.statusReason(),
						utc(o.sentAt()), o.explanation(), dedupeKey, utc(o.decidedAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		history(o.id(), o.decidedAt(), o.status(), o.statusReason());
		return true;
	}

	boolean existsByDedupeKey(String dedupeKey) {
		return jdbc.sql("select count(*) from outreach where dedupe_key = ?").param(dedupeKey)
			.query(Integer.class).single() > 0;
	}

	/** Moves a record to {@code to} if it is still in one of {@code from}; false when it was not. */
	public boolean transition(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason,
			Instant at, Instant sentAt) {
		String allowed = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
		int changed = jdbc.sql("update outreach set status = ?, status_reason = ?, updated_at = ?, "
				+ "sent_at = coalesce(?, sent_at) where id = ? and status in (" + allowed + ")")
			.params(to.name(), reason, utc(at), utc(sentAt), id)
			.update();
		if (changed > 0) {
			history(id, at, to, reason);
		}
		return changed > 0;
	}

	public Optional<Outreach> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from outreach where id = ?").param(id).query(this::map).optional();
	}

	public List<Outreach> findByCustomer(String customerId) {
		return jdbc.sql("select " + COLUMNS + " from outreach where customer_id = ? order by decided_at, id")
			.param(customerId).query(this::map).list();
	}

	/** Records of a customer in a waiting status whose send time has come. */
	List<Outreach> findDue(String customerId, Instant now) {
		return jdbc.sql("select " + COLUMNS + " from outreach where customer_id = ? and status = 'SCHEDULED' "
				+ "and send_at <= ? order by send_at, id")
			.params(customerId, utc(now)).query(this::map).list();
	}

	/** Filtered listing; null filters match everything. */
	public List<Outreach> search(OutreachFilter filter, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from outreach where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		sql.append(" order by decided_at, id limit ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	public List<StatusChange> history(String id) {
		return jdbc.sql("select changed_at, status, reason from outreach_status_change where outreach_id = ? "
				+ "order by changed_at")
			.param(id)
			.query((rs, row) -> new StatusChange(instant(rs, "changed_at"), OutreachStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	private void history(String id, Instant at, OutreachStatus status, String reason) {
		jdbc.sql("insert into outreach_status_change (outreach_id, changed_at, status, reason) values (?, ?, ?, ?)")
			.params(id, utc(at), status.name(), reason).update();
	}

	private Outreach map(ResultSet rs, int row) throws SQLException {
		return new Outreach(rs.getString("id"), rs.getString("customer_id"), rs.getString("order_id"),
				rs.getString("rule_name"), rs.getString("rule_version"), rs.getString("problem"),
				rs.getString("channel"), rs.getString("template"), instant(rs, "decided_at"), instant(rs, "send_at"),
				OutreachStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				instant(rs, "sent_at"), rs.getString("explanation"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
