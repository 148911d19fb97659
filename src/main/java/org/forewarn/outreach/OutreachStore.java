package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.rules.Decided;
import org.springframework.stereotype.Repository;

import static org.forewarn.shared.StoredTime.utc;

/**
 * Outreach records and their status history, in the tables or in memory ({@link OutreachStoreSettings}). Status
 * changes only leave the statuses they are allowed from.
 */
@Repository
public class OutreachStore {

	private final OutreachRows rows;
	private final MeterRegistry meters;

	OutreachStore(OutreachRows rows, MeterRegistry meters) {
		this.rows = rows;
		this.meters = meters;
	}

	/** Inserts a new record; false when one with the same dedupe key exists. */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue) {
		return insert(o, dedupeKey, fallbackDue, null, null);
	}

	/**
	 * Inserts a new record made by a person ({@code actor}) at {@code at}: its first history step carries them and that
	 * moment, not the decision it copies.
	 */
	boolean insert(Outreach o, String dedupeKey, String actor, Instant at) {
		return inserted(o, rows.insert(o, dedupeKey, false, null, actor, at));
	}

	/** {@code dueWithin}: a follow-up task's time to be handled once it opens; null for a message. */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue, Duration dueWithin, String actor) {
		return inserted(o, rows.insert(o, dedupeKey, fallbackDue, dueWithin, actor, o.decidedAt()));
	}

	private boolean inserted(Outreach o, boolean inserted) {
		if (!inserted) {
			return false;
		}
		count(new OutreachRows.MeterLabels(o.channel(), o.problem(), o.rule()), o.status(), o.statusReason());
		return true;
	}

	/**
	 * Whether outreach about the same problem and order, decided by another rule, is waiting or has gone out
	 * (called off, suppressed and failed ones do not count; a failure's fallback has its own record). A record that
	 * may have gone out (FAILED "uncertain" or "interrupted") counts as gone out, fallback or not.
	 */
	boolean anotherAboutProblem(String customerId, Decided decided) {
		return rows.anotherAboutProblem(customerId, decided);
	}

	boolean existsByDedupeKey(String dedupeKey) {
		return rows.existsByDedupeKey(dedupeKey);
	}

	/** Moves a record to {@code to} if it is still in one of {@code from}; false when it was not. */
	public boolean transition(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason,
			Instant at, Instant sentAt) {
		return update(id, from, new StatusChange(at, to, reason), Change.of("sent_at = coalesce(?, sent_at)",
				kept -> sentAt == null ? kept : kept.sentAt(sentAt), utc(sentAt)));
	}

	/** A change a person made: {@code actor}, the signed-in user, is recorded with it. */
	public boolean transitionBy(String id, Collection<OutreachStatus> from, OutreachStatus to, String reason,
			Instant at, String actor) {
		return update(id, from, new StatusChange(at, to, reason, actor), Change.NONE);
	}

	/** Gone out: records when, and the provider's message id (Twilio MessageSid) when there is one. */
	boolean sent(String id, OutreachStatus to, String reason, Instant at, String providerId) {
		// a task that opens is due its time to be handled from now
		Instant dueAt = to != OutreachStatus.OPEN ? null : rows.dueWithinSeconds(id).map(at::plusSeconds).orElse(null);
		return update(id, List.of(OutreachStatus.SCHEDULED), new StatusChange(at, to, reason),
				Change.of("sent_at = ?, provider_id = coalesce(?, provider_id), due_at = coalesce(?, due_at)",
						kept -> {
							KeptOutreach sent = kept.sentAt(at);
							sent = providerId == null ? sent : sent.providerId(providerId);
							return dueAt == null ? sent : sent.dueAt(dueAt);
						}, utc(at), providerId, utc(dueAt)));
	}

	/** Failed for good, with the provider's code; {@code fallbackDue} asks for the next channel to be tried. */
	public boolean fail(String id, Collection<OutreachStatus> from, String reason, String code, Instant at,
			boolean fallbackDue) {
		return update(id, from, new StatusChange(at, OutreachStatus.FAILED, reason), Change.of(
				"provider_code = ?, fallback_due = ?", kept -> kept.providerCode(code).fallbackDue(fallbackDue), code,
				fallbackDue));
	}

	/**
	 * May have gone out (no answer after the provider may have had it): FAILED with {@code code}, no fallback, and
	 * {@code attemptedAt} as its sent time, so frequency caps count it like a message that went out then.
	 */
	boolean mayHaveGoneOut(String id, String reason, String code, Instant at, Instant attemptedAt) {
		return update(id, List.of(OutreachStatus.SCHEDULED), new StatusChange(at, OutreachStatus.FAILED, reason),
				Change.of("provider_code = ?, fallback_due = false, sent_at = ?",
						kept -> kept.providerCode(code).fallbackDue(false).sentAt(attemptedAt), code,
						utc(attemptedAt)));
	}

	/** A record that may have gone out, found at the provider: SENT after all, with the provider's message id. */
	boolean foundSent(String id, String reason, Instant at, String providerId) {
		return rows.failedMayHaveGoneOut(id) && update(id, List.of(OutreachStatus.FAILED),
				new StatusChange(at, OutreachStatus.SENT, reason), Change.of("provider_id = ?, provider_code = null",
						kept -> kept.providerId(providerId).providerCode(null), providerId));
	}

	/** How many records may have gone out and wait for a person to decide (FAILED "uncertain" or "interrupted"). */
	int countMayHaveGoneOut() {
		return rows.countMayHaveGoneOut();
	}

	/** Suppressed; {@code fallbackDue} when the rule named channels to try instead. */
	boolean suppress(String id, String reason, Instant at, boolean fallbackDue) {
		return update(id, List.of(OutreachStatus.SCHEDULED), new StatusChange(at, OutreachStatus.SUPPRESSED, reason),
				Change.of("fallback_due = ?", kept -> kept.fallbackDue(fallbackDue), fallbackDue));
	}

	/** Held back for a person to decide (the hourly ceiling): PENDING_REVIEW until {@code reviewUntil}. */
	boolean holdForReview(String id, String reason, Instant reviewUntil, Instant at) {
		return update(id, List.of(OutreachStatus.SCHEDULED),
				new StatusChange(at, OutreachStatus.PENDING_REVIEW, reason),
				Change.of("review_until = ?", kept -> kept.reviewUntil(reviewUntil), utc(reviewUntil)));
	}

	/** Waits longer (quiet hours, a cap, a retry): stays SCHEDULED with a new send time and the reason. */
	boolean reschedule(String id, Collection<OutreachStatus> from, Instant sendAt, String reason, Instant at) {
		return reschedule(id, from, sendAt, reason, at, null);
	}

	/** Rescheduled by a person ({@code actor}), e.g. approved after review. */
	boolean reschedule(String id, Collection<OutreachStatus> from, Instant sendAt, String reason, Instant at,
			String actor) {
		return update(id, from, new StatusChange(at, OutreachStatus.SCHEDULED, reason, actor),
				Change.of("send_at = ?", kept -> kept.sendAt(sendAt), utc(sendAt)));
	}

	/** {@code step}'s actor: the person who made the change, recorded on its history step (null: Forewarn itself). */
	private boolean update(String id, Collection<OutreachStatus> from, StatusChange step, Change change) {
		OutreachRows.MeterLabels changed = rows.update(id, from, step, change);
		if (changed != null) {
			count(changed, step.status(), step.reason());
		}
		return changed != null;
	}

	/** Marks a record that needs a person as handled by {@code actor}; false when it did not (or no longer) need one. */
	boolean handle(String id, String actor, Instant at) {
		return rows.handle(id, actor, at);
	}

	/** Records that wait for a person, oldest failure first. */
	public List<Outreach> needingPerson(int limit) {
		return rows.needingPerson(Math.max(1, Math.min(limit, 10_000)));
	}

	/** Follow-up tasks open, claimed, and escalated (open, past their due time). */
	public Map<String, Integer> followupCounts(Instant now) {
		return Map.of(
				"open", rows.countTasks(OutreachStatus.OPEN, null),
				"claimed", rows.countTasks(OutreachStatus.CLAIMED, null),
				"escalated", rows.countTasks(OutreachStatus.OPEN, now));
	}

	/** Open tasks past their due time whose escalation has not been sent, the longest overdue first. */
	public List<Outreach> overdueNotEscalated(Instant now, int limit) {
		return rows.overdueNotEscalated(now, limit);
	}

	/** Claims a task's escalation (once per task): false when it was claimed already. */
	public boolean claimEscalation(String id, Instant at) {
		return rows.claimEscalation(id, at);
	}

	/** Gives a claimed escalation back when its email certainly did not go out, so it is tried again. */
	public void releaseEscalation(String id) {
		rows.releaseEscalation(id);
	}

	Optional<String> dedupeKey(String id) {
		return rows.dedupeKey(id);
	}

	void fallbackCreated(String id) {
		rows.fallbackCreated(id);
	}

	public Optional<Outreach> find(String id) {
		return rows.find(id);
	}

	public Optional<Outreach> findByProviderId(String providerId) {
		return rows.findByProviderId(providerId);
	}

	public List<Outreach> findByCustomer(String customerId) {
		return rows.findByCustomer(customerId);
	}

	/**
	 * Records of a customer that may need something done: waiting (to be sent, or for review) or still owed a
	 * fallback. One query per customer and event; the dispatcher sorts them out.
	 */
	List<Outreach> findOpenWork(String customerId) {
		return rows.findOpenWork(customerId);
	}

	/** How many outreach on a channel went out to a customer in a week up to a time, and on its last day. */
	record SentCounts(int week, int day) {
	}

	/** As {@link SentCounts}, over [weekFrom, to) and [dayFrom, to), in one statement. */
	SentCounts countSent(String customerId, String channel, Instant weekFrom, Instant dayFrom, Instant to) {
		return rows.countSent(customerId, channel, weekFrom, dayFrom, to);
	}

	/** Filtered listing; null filters match everything. */
	public List<Outreach> search(OutreachFilter filter, int limit) {
		return rows.search(filter, limit);
	}

	public List<StatusChange> history(String id) {
		return rows.history(id);
	}

	/** A step in the history that does not change the status (a failure let be or sent again by a person). */
	void note(String id, Instant at, OutreachStatus status, String reason, String actor) {
		rows.note(id, new StatusChange(at, status, reason, actor));
	}

	/**
	 * Makes the outreach tables hold every record, for what reads the tables themselves (the outcome report). They
	 * always do, unless records are kept in memory (a replay's).
	 */
	public void writeTables() {
		rows.writeTables();
	}

	/** Forgets the records kept in memory: for a replay starting over on an emptied database. */
	public void forgetAll() {
		rows.clear();
	}

	/** Outreach decided and each status it moved to; rule names and problems are few, ids never become tags. */
	private void count(OutreachRows.MeterLabels labels, OutreachStatus status, String reason) {
		Counter.builder("forewarn.outreach.status.changes")
			.description("Outreach records entering a status, by channel, problem and rule")
			.tag("channel", String.valueOf(labels.channel())).tag("problem", String.valueOf(labels.problem()))
			.tag("rule", String.valueOf(labels.rule())).tag("status", status.name())
			.register(meters).increment();
		if (status == OutreachStatus.SUPPRESSED) {
			Counter.builder("forewarn.outreach.suppressed")
				.description("Outreach records suppressed, by channel and kind of reason")
				.tag("channel", String.valueOf(labels.channel())).tag("reason", SuppressedReasons.tag(reason))
				.register(meters).increment();
		}
	}
}
