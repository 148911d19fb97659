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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.channel.DeliveryResult;
import org.forewarn.rules.Decided;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outreach records and their status history. Status changes only leave the statuses they are allowed from. */
@Repository
public class OutreachStore {

	/** Size of the status reason columns; provider messages can be longer. */
	private static final int REASON = 1000;
	static final String COLUMNS = "id, customer_id, order_id, rule_name, rule_version, problem, channel, "
			+ "template, decided_at, send_at, status, status_reason, sent_at, explanation, fallback_for, review_until, "
			+ "not_later_than, fallback_channels, defer_when_capped, step, attempts, provider_id, provider_code, "
			+ "holdout_percent, hourly_ceiling";

	/** Provider codes of FAILED records that may have gone out: no answer after the provider may have had them. */
	static final String MAY_HAVE_GONE_OUT_CODES = "'" + DeliveryResult.UNCERTAIN + "', '"
			+ DeliveryOutcomes.INTERRUPTED + "'";

	private final JdbcClient jdbc;
	private final MeterRegistry meters;

	OutreachStore(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/** Inserts a new record; false when one with the same dedupe key exists. */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue) {
		SendPolicy p = o.policy();
		try {
			jdbc.sql("insert into outreach (" + COLUMNS + ", dedupe_key, fallback_due, updated_at) values "
					+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(), o.channel(),
						o.template(), utc(o.decidedAt()), utc(o.sendAt()), o.status().name(), ColumnText.fit(o.statusReason(), REASON),
						utc(o.sentAt()), o.explanation(), o.fallbackFor(), utc(o.reviewUntil()),
						utc(p.notLaterThan()), p.fallback(), p.deferWhenCapped(), p.step(), 0, null, null,
						p.holdoutPercent(), p.hourlyCeiling(),
						dedupeKey, fallbackDue, utc(o.decidedAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		history(o.id(), o.decidedAt(), o.status(), o.statusReason());
		count(o.channel(), o.problem(), o.rule(), o.status(), o.statusReason());
		return true;
	}

	/**
	 * Whether outreach about the same problem and order, decided by another rule, is waiting or has gone out
	 * (called off, suppressed and failed ones do not count; a failure's fallback has its own record). A record that
	 * may have gone out (FAILED "uncertain" or "interrupted") counts as gone out, fallback or not.
	 */
	boolean anotherAboutProblem(String customerId, Decided decided) {
		return jdbc.sql("select count(*) from outreach where customer_id = ? and problem = ? "
				+ "and coalesce(order_id, '') = ? and rule_name <> ? and ((fallback_for is null "
				+ "and status not in ('CANCELLED', 'SUPPRESSED', 'FAILED', 'REJECTED', 'EXPIRED')) "
				+ "or (status = 'FAILED' and provider_code in (" + MAY_HAVE_GONE_OUT_CODES + ")))")
			.params(customerId, decided.problem(), decided.subject(), decided.rule())
			.query(Integer.class).single() > 0;
	}

	boolean existsByDedupeKey(String dedupeKey) {
		return jdbc.sql("select count(*) from outreach where dedupe_key = ?").param(dedupeKey)
			.query(Integer.class).single() > 0;
	}

	/** Moves a record to {@code to} if it is still in one of {@code from}; false when it was not. */
	public boolean transition(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason,
			Instant at, Instant sentAt) {
		return update(id, from, to, reason, at, "sent_at = coalesce(?, sent_at)", utc(sentAt));
	}

	/** Gone out: records when, and the provider's message id (Twilio MessageSid) when there is one. */
	boolean sent(String id, OutreachStatus to, String reason, Instant at, String providerId) {
		return update(id, List.of(OutreachStatus.SCHEDULED), to, reason, at,
				"sent_at = ?, provider_id = coalesce(?, provider_id)", utc(at), providerId);
	}

	/** Failed for good, with the provider's code; {@code fallbackDue} asks for the next channel to be tried. */
	public boolean fail(String id, Collection<OutreachStatus> from, String reason, String code, Instant at,
			boolean fallbackDue) {
		return update(id, from, OutreachStatus.FAILED, reason, at, "provider_code = ?, fallback_due = ?", code,
				fallbackDue);
	}

	/**
	 * May have gone out (no answer after the provider may have had it): FAILED with {@code code}, no fallback, and
	 * {@code attemptedAt} as its sent time, so frequency caps count it like a message that went out then.
	 */
	boolean mayHaveGoneOut(String id, String reason, String code, Instant at, Instant attemptedAt) {
		return update(id, List.of(OutreachStatus.SCHEDULED), OutreachStatus.FAILED, reason, at,
				"provider_code = ?, fallback_due = false, sent_at = ?", code, utc(attemptedAt));
	}

	/** A record that may have gone out, found at the provider: SENT after all, with the provider's message id. */
	boolean foundSent(String id, String reason, Instant at, String providerId) {
		return jdbc.sql("select count(*) from outreach where id = ? and status = 'FAILED' and provider_code in ("
				+ MAY_HAVE_GONE_OUT_CODES + ")").param(id).query(Integer.class).single() > 0
				&& update(id, List.of(OutreachStatus.FAILED), OutreachStatus.SENT, reason, at,
						"provider_id = ?, provider_code = null", providerId);
	}

	/** How many records may have gone out and wait for a person to decide (FAILED "uncertain" or "interrupted"). */
	int countMayHaveGoneOut() {
		return jdbc.sql("select count(*) from outreach where status = 'FAILED' and provider_code in ("
				+ MAY_HAVE_GONE_OUT_CODES + ")").query(Integer.class).single();
	}

	/** Suppressed; {@code fallbackDue} when the rule named channels to try instead. */
	boolean suppress(String id, String reason, Instant at, boolean fallbackDue) {
		return update(id, List.of(OutreachStatus.SCHEDULED), OutreachStatus.SUPPRESSED, reason, at,
				"fallback_due = ?", fallbackDue);
	}

	/** Held back for a person to decide (the hourly ceiling): PENDING_REVIEW until {@code reviewUntil}. */
	boolean holdForReview(String id, String reason, Instant reviewUntil, Instant at) {
		return update(id, List.of(OutreachStatus.SCHEDULED), OutreachStatus.PENDING_REVIEW, reason, at,
				"review_until = ?", utc(reviewUntil));
	}

	/** Waits longer (quiet hours, a cap, a retry): stays SCHEDULED with a new send time and the reason. */
	boolean reschedule(String id, Collection<OutreachStatus> from, Instant sendAt, String reason, Instant at) {
		return update(id, from, OutreachStatus.SCHEDULED, reason, at, "send_at = ?", utc(sendAt));
	}

	private boolean update(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason, Instant at,
			String setMore, Object... moreParams) {
		String allowed = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
		List<Object> params = new ArrayList<>(List.of(to.name()));
		params.add(ColumnText.fit(reason, REASON));
		params.add(utc(at));
		params.addAll(java.util.Arrays.asList(moreParams));
		params.add(id);
		int changed = jdbc.sql("update outreach set status = ?, status_reason = ?, updated_at = ?, " + setMore
				+ " where id = ? and status in (" + allowed + ")")
			.params(params).update();
		if (changed > 0) {
			history(id, at, to, reason);
			jdbc.sql("select channel, problem, rule_name from outreach where id = ?").param(id)
				.query((rs, row) -> count(rs.getString(1), rs.getString(2), rs.getString(3), to, reason)).optional();
		}
		return changed > 0;
	}

	void fallbackCreated(String id) {
		jdbc.sql("update outreach set fallback_due = false where id = ?").param(id).update();
	}

	public Optional<Outreach> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from outreach where id = ?").param(id).query(this::map).optional();
	}

	public Optional<Outreach> findByProviderId(String providerId) {
		return jdbc.sql("select " + COLUMNS + " from outreach where provider_id = ?").param(providerId)
			.query(this::map).optional();
	}

	public List<Outreach> findByCustomer(String customerId) {
		return jdbc.sql("select " + COLUMNS + " from outreach where customer_id = ? order by decided_at, id")
			.param(customerId).query(this::map).list();
	}

	/**
	 * Records of a customer that may need something done: waiting (to be sent, or for review) or still owed a
	 * fallback. One query per customer and event; the dispatcher sorts them out.
	 */
	List<Outreach> findOpenWork(String customerId) {
		return where("customer_id = ? and (status in ('SCHEDULED', 'PENDING_REVIEW') or fallback_due = true) "
				+ "order by send_at, id", customerId);
	}

	/** How many outreach on the channel went out to the customer in [from, to). */
	int countSent(String customerId, String channel, Instant from, Instant to) {
		return jdbc.sql("select count(*) from outreach where customer_id = ? and channel = ? and sent_at >= ? "
				+ "and sent_at < ?")
			.params(customerId, channel, utc(from), utc(to)).query(Integer.class).single();
	}

	private List<Outreach> where(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from outreach where " + condition).params(params).query(this::map)
			.list();
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
				+ "order by changed_at, seq")
			.param(id)
			.query((rs, row) -> new StatusChange(instant(rs, "changed_at"), OutreachStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	private void history(String id, Instant at, OutreachStatus status, String reason) {
		jdbc.sql("insert into outreach_status_change (outreach_id, changed_at, status, reason) values (?, ?, ?, ?)")
			.params(id, utc(at), status.name(), ColumnText.fit(reason, REASON)).update();
	}

	/** Outreach decided and each status it moved to; rule names and problems are few, ids never become tags. */
	private boolean count(String channel, String problem, String rule, OutreachStatus status, String reason) {
		Counter.builder("forewarn.outreach.status.changes")
			.description("Outreach records entering a status, by channel, problem and rule")
			.tag("channel", String.valueOf(channel)).tag("problem", String.valueOf(problem))
			.tag("rule", String.valueOf(rule)).tag("status", status.name())
			.register(meters).increment();
		if (status == OutreachStatus.SUPPRESSED) {
			Counter.builder("forewarn.outreach.suppressed")
				.description("Outreach records suppressed, by channel and kind of reason")
				.tag("channel", String.valueOf(channel)).tag("reason", SuppressedReasons.tag(reason))
				.register(meters).increment();
		}
		return true;
	}

	Outreach map(ResultSet rs, int row) throws SQLException {
		SendPolicy policy = new SendPolicy(instant(rs, "not_later_than"), rs.getString("fallback_channels"),
				rs.getBoolean("defer_when_capped"), rs.getInt("step"), holdoutPercent(rs),
				rs.getObject("hourly_ceiling", Integer.class));
		Outreach.Delivery delivery = new Outreach.Delivery(rs.getInt("attempts"), rs.getString("provider_id"),
				rs.getString("provider_code"));
		return new Outreach(rs.getString("id"), rs.getString("customer_id"), rs.getString("order_id"),
				rs.getString("rule_name"), rs.getString("rule_version"), rs.getString("problem"),
				rs.getString("channel"), rs.getString("template"), instant(rs, "decided_at"), instant(rs, "send_at"),
				OutreachStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				instant(rs, "sent_at"), rs.getString("explanation"), rs.getString("fallback_for"),
				instant(rs, "review_until"), policy, delivery);
	}

	private static Double holdoutPercent(ResultSet rs) throws SQLException {
		double value = rs.getDouble("holdout_percent");
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
