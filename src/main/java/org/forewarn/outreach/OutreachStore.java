package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.channel.DeliveryResult;
import org.forewarn.rules.Decided;
import org.forewarn.shared.DatabaseKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/** Outreach records and their status history. Status changes only leave the statuses they are allowed from. */
@Repository
public class OutreachStore {

	/** Size of the status reason columns; provider messages can be longer. */
	private static final int REASON = 1000;
	/** What a status change's meter is tagged with, read back from the changed row. */
	private static final String[] METER_LABELS = {"channel", "problem", "rule_name"};

	/** Provider codes of FAILED records that may have gone out: no answer after the provider may have had them. */
	static final String MAY_HAVE_GONE_OUT_CODES = "'" + DeliveryResult.UNCERTAIN + "', '"
			+ DeliveryOutcomes.INTERRUPTED + "'";

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
	private static final String HISTORY_INSERT = "insert into outreach_status_change "
			+ "(outreach_id, changed_at, status, reason, actor) ";

	private final JdbcClient jdbc;
	private final MeterRegistry meters;
	/**
	 * PostgreSQL writes a record, or changes its status, with its history step in one statement (a data-modifying
	 * {@code with}); H2 has none, so there they are two.
	 */
	private final boolean postgres;

	OutreachStore(JdbcClient jdbc, MeterRegistry meters, DatabaseKind database) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.postgres = database.postgres();
	}

	/** Inserts a new record; false when one with the same dedupe key exists. */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue) {
		return insert(o, dedupeKey, fallbackDue, null, null);
	}

	/** Inserts a new record made by a person ({@code actor}, recorded on its first history step). */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue, String actor) {
		return insert(o, dedupeKey, fallbackDue, null, actor);
	}

	/** {@code dueWithin}: a follow-up task's time to be handled once it opens; null for a message. */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue, Duration dueWithin, String actor) {
		SendPolicy p = o.policy();
		List<Object> params = new ArrayList<>(Arrays.asList(o.id(), o.customerId(), o.orderId(), o.rule(),
				o.ruleVersion(), o.problem(), o.channel(), o.template(), utc(o.decidedAt()), utc(o.sendAt()),
				o.status().name(), ColumnText.fit(o.statusReason(), REASON), utc(o.sentAt()), o.explanation(),
				o.fallbackFor(), utc(o.reviewUntil()), utc(p.notLaterThan()), p.fallback(), p.deferWhenCapped(),
				p.step(), 0, null, null, p.holdoutPercent(), p.hourlyCeiling(), o.resendOf(), utc(o.dueAt()), null,
				null, dedupeKey, fallbackDue, utc(o.decidedAt()), dueWithin == null ? null : dueWithin.toSeconds()));
		String insert = "insert into outreach (" + OutreachRow.COLUMNS + ", dedupe_key, fallback_due, updated_at, "
				+ "due_within_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		List<Object> firstStep = historyParams(o.decidedAt(), o.status(), o.statusReason(), actor);
		if (postgres) {
			// a duplicate is skipped in the statement: a failed one would spoil the caller's whole transaction
			params.addAll(firstStep);
			if (jdbc.sql("with added as (" + insert + " on conflict do nothing returning id) " + HISTORY_INSERT
					+ "select id, ?, ?, ?, ? from added").params(params).update() == 0) {
				return false;
			}
		}
		else {
			try {
				jdbc.sql(insert).params(params).update();
			}
			catch (DuplicateKeyException e) {
				return false;
			}
			history(o.id(), firstStep);
		}
		count(o.channel(), o.problem(), o.rule(), o.status(), o.statusReason());
		return true;
	}

	/**
	 * Whether outreach about the same problem and order, decided by another rule, is waiting or has gone out
	 * (called off, suppressed and failed ones do not count; a failure's fallback has its own record). A record that
	 * may have gone out (FAILED "uncertain" or "interrupted") counts as gone out, fallback or not.
	 */
	boolean anotherAboutProblem(String customerId, Decided decided) {
		return jdbc.sql("select count(*) from " + OF_CUSTOMER + " where problem = ? "
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
		return updateBy(id, from, to, reason, at, null, "sent_at = coalesce(?, sent_at)", utc(sentAt));
	}

	/** A change a person made: {@code actor}, the signed-in user, is recorded with it. */
	public boolean transitionBy(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason,
			Instant at, String actor) {
		return updateBy(id, from, to, reason, at, actor, "sent_at = sent_at");
	}

	/** Gone out: records when, and the provider's message id (Twilio MessageSid) when there is one. */
	boolean sent(String id, OutreachStatus to, String reason, Instant at, String providerId) {
		// a task that opens is due its time to be handled from now
		Instant dueAt = to != OutreachStatus.OPEN ? null : jdbc.sql("select due_within_seconds from outreach where id = ?")
			.param(id).query(Long.class).optional().map(at::plusSeconds).orElse(null);
		return update(id, List.of(OutreachStatus.SCHEDULED), to, reason, at,
				"sent_at = ?, provider_id = coalesce(?, provider_id), due_at = coalesce(?, due_at)", utc(at),
				providerId, utc(dueAt));
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
		return jdbc.sql("select count(*) from outreach where status = 'FAILED' and handled_at is null "
				+ "and provider_code in (" + MAY_HAVE_GONE_OUT_CODES + ")").query(Integer.class).single();
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
		return reschedule(id, from, sendAt, reason, at, null);
	}

	/** Rescheduled by a person ({@code actor}), e.g. approved after review. */
	boolean reschedule(String id, Collection<OutreachStatus> from, Instant sendAt, String reason, Instant at,
			String actor) {
		return updateBy(id, from, OutreachStatus.SCHEDULED, reason, at, actor, "send_at = ?", utc(sendAt));
	}

	private boolean update(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason, Instant at,
			String setMore, Object... moreParams) {
		return updateBy(id, from, to, reason, at, null, setMore, moreParams);
	}

	/** {@code actor}: the person who made the change, recorded on its history step (null: Forewarn itself). */
	private boolean updateBy(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason, Instant at,
			String actor, String setMore, Object... moreParams) {
		String allowed = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
		List<Object> params = new ArrayList<>(List.of(to.name()));
		params.add(ColumnText.fit(reason, REASON));
		params.add(utc(at));
		params.addAll(Arrays.asList(moreParams));
		params.add(id);
		String update = "update outreach set status = ?, status_reason = ?, updated_at = ?, " + setMore
				+ " where id = ? and status in (" + allowed + ")";
		// the changed row's labels for the meter come back with the update (RETURNING), not by a second statement
		List<MeterLabels> changed;
		if (postgres) {
			params.addAll(historyParams(at, to, reason, actor));
			changed = jdbc.sql("with changed as (" + update + " returning id, channel, problem, rule_name), "
					+ "step as (" + HISTORY_INSERT + "select id, ?, ?, ?, ? from changed) "
					+ "select channel, problem, rule_name from changed")
				.params(params).query((rs, row) -> new MeterLabels(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list();
		}
		else {
			KeyHolder labels = new GeneratedKeyHolder();
			jdbc.sql(update).params(params).update(labels, METER_LABELS);
			changed = labels.getKeyList().stream().map(row -> new MeterLabels((String) row.get("channel"),
					(String) row.get("problem"), (String) row.get("rule_name"))).toList();
			if (!changed.isEmpty()) {
				history(id, historyParams(at, to, reason, actor));
			}
		}
		changed.forEach(labels -> count(labels.channel(), labels.problem(), labels.rule(), to, reason));
		return !changed.isEmpty();
	}

	/** What a status change's meter is tagged with. */
	private record MeterLabels(String channel, String problem, String rule) {
	}

	/**
	 * What makes a FAILED record wait for a person: it may have gone out, or it failed for good and no other channel
	 * took over (none owed, none made); and nobody has handled it yet.
	 */
	static final String NEEDS_PERSON = "status = 'FAILED' and handled_at is null and (provider_code in ("
			+ MAY_HAVE_GONE_OUT_CODES + ") or (fallback_due = false and not exists "
			+ "(select 1 from outreach f where f.fallback_for = outreach.id)))";

	/** Marks a record that needs a person as handled by {@code actor}; false when it did not (or no longer) need one. */
	boolean handle(String id, String actor, Instant at) {
		return jdbc.sql("update outreach set handled_at = ?, handled_by = ?, updated_at = ? where id = ? and "
				+ NEEDS_PERSON).params(utc(at), actor, utc(at), id).update() > 0;
	}

	/** Records that wait for a person, oldest failure first. */
	public List<Outreach> needingPerson(int limit) {
		return where(NEEDS_PERSON + " order by updated_at, id limit " + Math.max(1, Math.min(limit, 10_000)));
	}

	/** Follow-up tasks open, claimed, and escalated (open, past their due time). */
	public Map<String, Integer> followupCounts(Instant now) {
		return Map.of(
				"open", count("channel = 'task' and status = 'OPEN'"),
				"claimed", count("channel = 'task' and status = 'CLAIMED'"),
				"escalated", count("channel = 'task' and status = 'OPEN' and due_at < ?", utc(now)));
	}

	/** Open tasks past their due time whose escalation has not been sent, the longest overdue first. */
	public List<Outreach> overdueNotEscalated(Instant now, int limit) {
		return where("channel = 'task' and status = 'OPEN' and due_at < ? and escalated_at is null "
				+ "order by due_at, id limit " + limit, utc(now));
	}

	/** Claims a task's escalation (once per task): false when it was claimed already. */
	public boolean claimEscalation(String id, Instant at) {
		return jdbc.sql("update outreach set escalated_at = ? where id = ? and escalated_at is null")
			.params(utc(at), id).update() > 0;
	}

	/** Gives a claimed escalation back when its email certainly did not go out, so it is tried again. */
	public void releaseEscalation(String id) {
		jdbc.sql("update outreach set escalated_at = null where id = ?").param(id).update();
	}

	private int count(String condition, Object... params) {
		return jdbc.sql("select count(*) from outreach where " + condition).params(params).query(Integer.class)
			.single();
	}

	Optional<String> dedupeKey(String id) {
		return jdbc.sql("select dedupe_key from outreach where id = ?").param(id).query(String.class).optional();
	}

	void fallbackCreated(String id) {
		jdbc.sql("update outreach set fallback_due = false where id = ?").param(id).update();
	}

	public Optional<Outreach> find(String id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(OutreachRow::map).optional();
	}

	public Optional<Outreach> findByProviderId(String providerId) {
		return jdbc.sql(SELECT + " where provider_id = ?").param(providerId)
			.query(OutreachRow::map).optional();
	}

	public List<Outreach> findByCustomer(String customerId) {
		return jdbc.sql(SELECT + " where customer_id = ? order by decided_at, id")
			.param(customerId).query(OutreachRow::map).list();
	}

	/**
	 * Records of a customer that may need something done: waiting (to be sent, or for review) or still owed a
	 * fallback. One query per customer and event; the dispatcher sorts them out.
	 */
	List<Outreach> findOpenWork(String customerId) {
		return where("customer_id = ? and (status in ('SCHEDULED', 'PENDING_REVIEW') or fallback_due = true) "
				+ "order by send_at, id", customerId);
	}

	/** How many outreach on a channel went out to a customer in a week up to a time, and on its last day. */
	record SentCounts(int week, int day) {
	}

	/** As {@link SentCounts}, over [weekFrom, to) and [dayFrom, to), in one statement. */
	SentCounts countSent(String customerId, String channel, Instant weekFrom, Instant dayFrom, Instant to) {
		return jdbc.sql("select count(*), count(case when sent_at >= ? then 1 end) from " + OF_CUSTOMER
				+ " where channel = ? and sent_at >= ? and sent_at < ?")
			.params(utc(dayFrom), customerId, channel, utc(weekFrom), utc(to))
			.query((rs, row) -> new SentCounts(rs.getInt(1), rs.getInt(2))).single();
	}

	private List<Outreach> where(String condition, Object... params) {
		return jdbc.sql(SELECT + " where " + condition).params(params).query(OutreachRow::map)
			.list();
	}

	/** Filtered listing; null filters match everything. */
	public List<Outreach> search(OutreachFilter filter, int limit) {
		StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		sql.append(" order by decided_at, id limit ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(OutreachRow::map).list();
	}

	public List<StatusChange> history(String id) {
		return jdbc.sql("select changed_at, status, reason, actor from outreach_status_change where outreach_id = ? "
				+ "order by changed_at, seq")
			.param(id)
			.query((rs, row) -> new StatusChange(instant(rs, "changed_at"), OutreachStatus.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	/** A step in the history that does not change the status (a failure let be or sent again by a person). */
	void note(String id, Instant at, OutreachStatus status, String reason, String actor) {
		history(id, historyParams(at, status, reason, actor));
	}

	private void history(String id, List<Object> step) {
		List<Object> params = new ArrayList<>(List.of(id));
		params.addAll(step);
		jdbc.sql(HISTORY_INSERT + "values (?, ?, ?, ?, ?)").params(params).update();
	}

	/** A history step's values after its record's id. */
	private static List<Object> historyParams(Instant at, OutreachStatus status, String reason, String actor) {
		return Arrays.asList(utc(at), status.name(), ColumnText.fit(reason, REASON), actor);
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
}
