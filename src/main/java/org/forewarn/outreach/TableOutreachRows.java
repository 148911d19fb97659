package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.forewarn.channel.DeliveryResult;
import org.forewarn.rules.Decided;
import org.forewarn.shared.ColumnText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/** Outreach records in the {@code outreach} table, their history and attempts in theirs. */
final class TableOutreachRows implements OutreachRows {

	/** Provider codes of FAILED records that may have gone out: no answer after the provider may have had them. */
	static final String MAY_HAVE_GONE_OUT_CODES = "'" + DeliveryResult.UNCERTAIN + "', '"
			+ DeliveryOutcomes.INTERRUPTED + "'";

	/**
	 * What makes a FAILED record wait for a person: it may have gone out, or it failed for good and no other channel
	 * took over (none owed, none made); and nobody has handled it yet.
	 */
	static final String NEEDS_PERSON = "status = 'FAILED' and handled_at is null and (provider_code in ("
			+ MAY_HAVE_GONE_OUT_CODES + ") or (fallback_due = false and not exists "
			+ "(select 1 from outreach f where f.fallback_for = outreach.id)))";

	/** What a status change's meter is tagged with, read back from the changed row. */
	private static final String[] METER_LABELS = {"channel", "problem", "rule_name"};

	/**
	 * One customer's outreach, to count among: {@code offset 0} keeps PostgreSQL from merging the outer conditions
	 * in, so only an index on the customer can serve it. Otherwise, on a young table whose statistics lag its
	 * growth, the planner took an index on the channel, the problem or the sent time and read thousands of rows.
	 */
	private static final String OF_CUSTOMER = "(select problem, order_id, rule_name, fallback_for, status, "
			+ "provider_code, channel, sent_at from outreach where customer_id = ? offset 0) of_customer";

	/** A query of whole records, before its conditions. */
	private static final String SELECT = "select " + OutreachRow.COLUMNS + " from outreach";
	/** The start of an insert of history steps, before their values or the query giving them. */
	static final String HISTORY_INSERT = "insert into outreach_status_change "
			+ "(outreach_id, changed_at, status, reason, actor) ";

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	/**
	 * PostgreSQL writes a record, or changes its status, with its history step in one statement (a data-modifying
	 * {@code with}); H2 has none, so there they are two.
	 */
	private final boolean postgres;

	TableOutreachRows(JdbcClient jdbc, TransactionTemplate transaction, boolean postgres) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.postgres = postgres;
	}

	@Override
	public boolean insert(Outreach o, String dedupeKey, boolean fallbackDue, Duration dueWithin, String actor,
			Instant at) {
		SendPolicy p = o.policy();
		List<Object> params = new ArrayList<>(Arrays.asList(o.id(), o.customerId(), o.orderId(), o.rule(),
				o.ruleVersion(), o.problem(), o.channel(), o.template(), utc(o.decidedAt()), utc(o.sendAt()),
				o.status().name(), ColumnText.fit(o.statusReason(), OutreachRow.REASON), utc(o.sentAt()),
				o.explanation(), o.fallbackFor(), utc(o.reviewUntil()), utc(p.notLaterThan()), p.fallback(),
				p.deferWhenCapped(), p.step(), 0, null, null, p.holdoutPercent(), p.hourlyCeiling(), o.resendOf(),
				utc(o.dueAt()), null, null, dedupeKey, fallbackDue, utc(at),
				dueWithin == null ? null : dueWithin.toSeconds()));
		String insert = "insert into outreach (" + OutreachRow.COLUMNS + ", dedupe_key, fallback_due, updated_at, "
				+ "due_within_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		List<Object> firstStep = historyParams(new StatusChange(at, o.status(), o.statusReason(), actor));
		if (postgres) {
			// a duplicate is skipped in the statement: a failed one would spoil the caller's whole transaction
			params.addAll(firstStep);
			return jdbc.sql("with added as (" + insert + " on conflict do nothing returning id) " + HISTORY_INSERT
					+ "select id, ?, ?, ?, ? from added").params(params).update() > 0;
		}
		try {
			jdbc.sql(insert).params(params).update();
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		history(o.id(), firstStep);
		return true;
	}

	@Override
	public boolean anotherAboutProblem(String customerId, Decided decided) {
		return jdbc.sql("select count(*) from " + OF_CUSTOMER + " where problem = ? "
				+ "and coalesce(order_id, '') = ? and rule_name <> ? and ((fallback_for is null "
				+ "and status not in ('CANCELLED', 'SUPPRESSED', 'FAILED', 'REJECTED', 'EXPIRED')) "
				+ "or (status = 'FAILED' and provider_code in (" + MAY_HAVE_GONE_OUT_CODES + ")))")
			.params(customerId, decided.problem(), decided.subject(), decided.rule())
			.query(Integer.class).single() > 0;
	}

	@Override
	public boolean existsByDedupeKey(String dedupeKey) {
		return count("dedupe_key = ?", dedupeKey) > 0;
	}

	@Override
	public MeterLabels update(String id, Collection<OutreachStatus> from, StatusChange step, Change change) {
		String allowed = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
		List<Object> params = new ArrayList<>(List.of(step.status().name()));
		params.add(ColumnText.fit(step.reason(), OutreachRow.REASON));
		params.add(utc(step.at()));
		params.addAll(change.params());
		params.add(id);
		String update = "update outreach set status = ?, status_reason = ?, updated_at = ?, " + change.columns()
				+ " where id = ? and status in (" + allowed + ")";
		// the changed row's labels for the meter come back with the update (RETURNING), not by a second statement
		if (postgres) {
			params.addAll(historyParams(step));
			return jdbc.sql("with changed as (" + update + " returning id, channel, problem, rule_name), "
					+ "step as (" + HISTORY_INSERT + "select id, ?, ?, ?, ? from changed) "
					+ "select channel, problem, rule_name from changed")
				.params(params).query((rs, row) -> new MeterLabels(rs.getString(1), rs.getString(2), rs.getString(3)))
				.optional().orElse(null);
		}
		KeyHolder labels = new GeneratedKeyHolder();
		jdbc.sql(update).params(params).update(labels, METER_LABELS);
		if (labels.getKeyList().isEmpty()) {
			return null;
		}
		history(id, historyParams(step));
		var row = labels.getKeyList().get(0);
		return new MeterLabels((String) row.get("channel"), (String) row.get("problem"), (String) row.get("rule_name"));
	}

	@Override
	public Optional<Long> dueWithinSeconds(String id) {
		return jdbc.sql("select due_within_seconds from outreach where id = ?").param(id).query(Long.class).optional();
	}

	@Override
	public boolean failedMayHaveGoneOut(String id) {
		return count("id = ? and status = 'FAILED' and provider_code in (" + MAY_HAVE_GONE_OUT_CODES + ")", id) > 0;
	}

	@Override
	public int countMayHaveGoneOut() {
		return count("status = 'FAILED' and handled_at is null and provider_code in (" + MAY_HAVE_GONE_OUT_CODES
				+ ")");
	}

	@Override
	public boolean handle(String id, String actor, Instant at) {
		return jdbc.sql("update outreach set handled_at = ?, handled_by = ?, updated_at = ? where id = ? and "
				+ NEEDS_PERSON).params(utc(at), actor, utc(at), id).update() > 0;
	}

	@Override
	public List<Outreach> needingPerson(int limit) {
		return where(NEEDS_PERSON + " order by updated_at, id limit " + limit);
	}

	@Override
	public int countTasks(OutreachStatus status, Instant dueBefore) {
		return dueBefore == null ? count("channel = 'task' and status = ?", status.name())
				: count("channel = 'task' and status = ? and due_at < ?", status.name(), utc(dueBefore));
	}

	@Override
	public List<Outreach> overdueNotEscalated(Instant now, int limit) {
		return where("channel = 'task' and status = 'OPEN' and due_at < ? and escalated_at is null "
				+ "order by due_at, id limit " + limit, utc(now));
	}

	@Override
	public boolean claimEscalation(String id, Instant at) {
		return jdbc.sql("update outreach set escalated_at = ? where id = ? and escalated_at is null")
			.params(utc(at), id).update() > 0;
	}

	@Override
	public void releaseEscalation(String id) {
		jdbc.sql("update outreach set escalated_at = null where id = ?").param(id).update();
	}

	@Override
	public Optional<String> dedupeKey(String id) {
		return jdbc.sql("select dedupe_key from outreach where id = ?").param(id).query(String.class).optional();
	}

	@Override
	public void fallbackCreated(String id) {
		jdbc.sql("update outreach set fallback_due = false where id = ?").param(id).update();
	}

	@Override
	public Optional<Outreach> find(String id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(OutreachRow::map).optional();
	}

	@Override
	public Optional<Outreach> findByProviderId(String providerId) {
		return jdbc.sql(SELECT + " where provider_id = ?").param(providerId).query(OutreachRow::map).optional();
	}

	@Override
	public List<Outreach> findByCustomer(String customerId) {
		return where("customer_id = ? order by decided_at, id", customerId);
	}

	@Override
	public List<Outreach> findOpenWork(String customerId) {
		return where("customer_id = ? and (status in ('SCHEDULED', 'PENDING_REVIEW') or fallback_due = true) "
				+ "order by send_at, id", customerId);
	}

	@Override
	public OutreachStore.SentCounts countSent(String customerId, String channel, Instant weekFrom, Instant dayFrom,
			Instant to) {
		return jdbc.sql("select count(*), count(case when sent_at >= ? then 1 end) from " + OF_CUSTOMER
				+ " where channel = ? and sent_at >= ? and sent_at < ?")
			.params(utc(dayFrom), customerId, channel, utc(weekFrom), utc(to))
			.query((rs, row) -> new OutreachStore.SentCounts(rs.getInt(1), rs.getInt(2))).single();
	}

	@Override
	public List<Outreach> search(OutreachFilter filter, int limit) {
		StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		sql.append(" order by decided_at, id limit ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(OutreachRow::map).list();
	}

	@Override
	public List<StatusChange> history(String id) {
		return jdbc.sql("select changed_at, status, reason, actor from outreach_status_change where outreach_id = ? "
				+ "order by changed_at, seq")
			.param(id)
			.query((rs, row) -> new StatusChange(instant(rs, "changed_at"), OutreachStatus.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	@Override
	public void note(String id, StatusChange step) {
		history(id, historyParams(step));
	}

	@Override
	public boolean claim(Outreach o, int attemptsSoFar, Instant at) {
		if (postgres) { // both or neither in one round trip; committed with the caller's transaction, if any
			return jdbc.sql("with claimed as (update outreach set attempts = attempts + 1 where id = ? "
					+ "and status = 'SCHEDULED' and attempts = ? returning id) insert into outreach_attempt "
					+ "(outreach_id, attempt, channel, started_at) select id, ?, ?, ? from claimed")
				.params(o.id(), attemptsSoFar, attemptsSoFar + 1, o.channel(), utc(at)).update() > 0;
		}
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			int claimed = jdbc.sql("update outreach set attempts = attempts + 1 where id = ? and status = 'SCHEDULED' "
					+ "and attempts = ?")
				.params(o.id(), attemptsSoFar).update();
			if (claimed == 0) {
				return false;
			}
			jdbc.sql("insert into outreach_attempt (outreach_id, attempt, channel, started_at) values (?, ?, ?, ?)")
				.params(o.id(), attemptsSoFar + 1, o.channel(), utc(at)).update();
			return true;
		}));
	}

	@Override
	public void finish(String outreachId, int attempt, Instant at, String outcome, String code, String detail) {
		jdbc.sql("update outreach_attempt set finished_at = ?, outcome = ?, code = ?, detail = ? where outreach_id = ? "
				+ "and attempt = ?")
			.params(utc(at), outcome, code, ColumnText.fit(detail, OutreachRow.DETAIL), outreachId, attempt)
			.update();
	}

	@Override
	public List<Attempt> attempts(String outreachId) {
		return jdbc.sql("select attempt, channel, started_at, finished_at, outcome, code, detail from outreach_attempt "
				+ "where outreach_id = ? order by attempt")
			.param(outreachId)
			.query((rs, row) -> new Attempt(rs.getInt(1), rs.getString(2), instant(rs, "started_at"),
					instant(rs, "finished_at"), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	@Override
	public void writeTables() {
		// the tables are where the records are
	}

	@Override
	public void clear() {
		// the tables' records are the database's: only whoever empties the database removes them
	}

	private int count(String condition, Object... params) {
		return jdbc.sql("select count(*) from outreach where " + condition).params(params).query(Integer.class)
			.single();
	}

	private List<Outreach> where(String condition, Object... params) {
		return jdbc.sql(SELECT + " where " + condition).params(params).query(OutreachRow::map).list();
	}

	private void history(String id, List<Object> step) {
		List<Object> params = new ArrayList<>(List.of(id));
		params.addAll(step);
		jdbc.sql(HISTORY_INSERT + "values (?, ?, ?, ?, ?)").params(params).update();
	}

	/** A history step's values after its record's id. */
	private static List<Object> historyParams(StatusChange step) {
		return Arrays.asList(utc(step.at()), step.status().name(), ColumnText.fit(step.reason(), OutreachRow.REASON),
				step.actor());
	}
}
