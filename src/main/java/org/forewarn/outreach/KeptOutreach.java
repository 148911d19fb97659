package org.forewarn.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.shared.ColumnText;
import org.springframework.dao.DataIntegrityViolationException;

import static org.forewarn.shared.StoredTime.asStored;

/**
 * An outreach record kept in memory ({@link MemoryOutreachRows}) with what its table row holds besides, its history
 * and its attempts. Never changed: each change makes a new one, so a transaction's changes can be dropped whole.
 * Times are kept as a timestamp column keeps them, and what a column cannot hold is refused, as the table would.
 */
record KeptOutreach(Outreach outreach, String dedupeKey, boolean fallbackDue, Instant updatedAt,
		Long dueWithinSeconds, Instant escalatedAt, List<StatusChange> history, List<Attempt> attempts) {

	/** A new record as the table would hold it after its insert, with its first history step. */
	static KeptOutreach inserted(Outreach o, String dedupeKey, boolean fallbackDue, Long dueWithinSeconds,
			String actor, Instant at) {
		ColumnText.refuseMissingOrLonger("outreach.id", o.id(), 64);
		ColumnText.refuseMissingOrLonger("outreach.dedupe_key", dedupeKey, 1000);
		ColumnText.refuseMissingOrLonger("outreach.customer_id", o.customerId(), 200);
		ColumnText.refuseLonger("outreach.order_id", o.orderId(), 200);
		ColumnText.refuseMissingOrLonger("outreach.rule_name", o.rule(), 300);
		ColumnText.refuseMissingOrLonger("outreach.rule_version", o.ruleVersion(), 64);
		ColumnText.refuseMissingOrLonger("outreach.problem", o.problem(), 100);
		ColumnText.refuseMissingOrLonger("outreach.channel", o.channel(), 20);
		ColumnText.refuseMissingOrLonger("outreach.template", o.template(), 200);
		ColumnText.refuseLonger("outreach.explanation", o.explanation(), 10_000);
		ColumnText.refuseLonger("outreach.fallback_for", o.fallbackFor(), 64);
		ColumnText.refuseLonger("outreach.fallback_channels", o.policy().fallback(), 100);
		ColumnText.refuseLonger("outreach.resend_of", o.resendOf(), 64);
		if (o.decidedAt() == null || o.sendAt() == null || o.status() == null) {
			throw new DataIntegrityViolationException("outreach.decided_at, send_at and status must be given");
		}
		SendPolicy p = o.policy();
		Outreach stored = new Outreach(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(),
				o.channel(), o.template(), asStored(o.decidedAt()), asStored(o.sendAt()), o.status(),
				ColumnText.fit(o.statusReason(), OutreachRow.REASON), asStored(o.sentAt()), o.explanation(),
				o.fallbackFor(), asStored(o.reviewUntil()), new SendPolicy(asStored(p.notLaterThan()), p.fallback(),
						p.deferWhenCapped(), p.step(), p.holdoutPercent(), p.hourlyCeiling()),
				Outreach.Delivery.NONE, o.resendOf(), asStored(o.dueAt()), null);
		return new KeptOutreach(stored, dedupeKey, fallbackDue, asStored(at), dueWithinSeconds, null, List.of(),
				List.of()).step(new StatusChange(at, o.status(), o.statusReason(), actor));
	}

	String id() {
		return outreach.id();
	}

	OutreachStatus status() {
		return outreach.status();
	}

	/** The record moved to {@code step}'s status with its reason, changed then, and the step in its history. */
	KeptOutreach changed(StatusChange step) {
		Outreach o = outreach;
		return with(new Outreach(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(),
				o.channel(), o.template(), o.decidedAt(), o.sendAt(), step.status(),
				ColumnText.fit(step.reason(), OutreachRow.REASON), o.sentAt(), o.explanation(), o.fallbackFor(),
				o.reviewUntil(), o.policy(), o.delivery(), o.resendOf(), o.dueAt(), o.handled()), asStored(step.at()))
			.step(step);
	}

	/** The record with one more step in its history. */
	KeptOutreach step(StatusChange step) {
		ColumnText.refuseLonger("outreach_status_change.actor", step.actor(), 100);
		List<StatusChange> steps = new ArrayList<>(history);
		steps.add(new StatusChange(asStored(step.at()), step.status(), ColumnText.fit(step.reason(),
				OutreachRow.REASON), step.actor()));
		return new KeptOutreach(outreach, dedupeKey, fallbackDue, updatedAt, dueWithinSeconds, escalatedAt,
				List.copyOf(steps), attempts);
	}

	KeptOutreach sendAt(Instant at) {
		return with(asStored(at), outreach.sentAt(), outreach.reviewUntil(), outreach.delivery(), outreach.dueAt());
	}

	KeptOutreach sentAt(Instant at) {
		return with(outreach.sendAt(), asStored(at), outreach.reviewUntil(), outreach.delivery(), outreach.dueAt());
	}

	KeptOutreach reviewUntil(Instant until) {
		return with(outreach.sendAt(), outreach.sentAt(), asStored(until), outreach.delivery(), outreach.dueAt());
	}

	KeptOutreach dueAt(Instant due) {
		return with(outreach.sendAt(), outreach.sentAt(), outreach.reviewUntil(), outreach.delivery(), asStored(due));
	}

	KeptOutreach providerId(String providerId) {
		ColumnText.refuseLonger("outreach.provider_id", providerId, 100);
		Outreach.Delivery d = outreach.delivery();
		return delivery(new Outreach.Delivery(d.attempts(), providerId, d.providerCode()));
	}

	KeptOutreach providerCode(String code) {
		ColumnText.refuseLonger("outreach.provider_code", code, 50);
		Outreach.Delivery d = outreach.delivery();
		return delivery(new Outreach.Delivery(d.attempts(), d.providerId(), code));
	}

	KeptOutreach fallbackDue(boolean due) {
		return new KeptOutreach(outreach, dedupeKey, due, updatedAt, dueWithinSeconds, escalatedAt, history, attempts);
	}

	KeptOutreach escalatedAt(Instant at) {
		return new KeptOutreach(outreach, dedupeKey, fallbackDue, updatedAt, dueWithinSeconds, asStored(at), history,
				attempts);
	}

	/** Handled by a person at {@code at}: its last change. */
	KeptOutreach handled(Instant at, String by) {
		ColumnText.refuseMissingOrLonger("outreach.handled_by", by, 100);
		Outreach o = outreach;
		return with(new Outreach(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(),
				o.channel(), o.template(), o.decidedAt(), o.sendAt(), o.status(), o.statusReason(), o.sentAt(),
				o.explanation(), o.fallbackFor(), o.reviewUntil(), o.policy(), o.delivery(), o.resendOf(), o.dueAt(),
				new Outreach.Handled(asStored(at), by)), asStored(at));
	}

	/** The next attempt started: counted on the record, and kept without an outcome. */
	KeptOutreach attemptStarted(String channel, Instant at) {
		ColumnText.refuseMissingOrLonger("outreach_attempt.channel", channel, 20);
		Outreach.Delivery d = outreach.delivery();
		List<Attempt> all = new ArrayList<>(attempts);
		all.add(new Attempt(d.attempts() + 1, channel, asStored(at), null, null, null, null));
		return new KeptOutreach(outreach, dedupeKey, fallbackDue, updatedAt, dueWithinSeconds, escalatedAt, history,
				List.copyOf(all)).delivery(new Outreach.Delivery(d.attempts() + 1, d.providerId(), d.providerCode()));
	}

	/** The attempt's outcome; the record as it was when it has no such attempt. */
	KeptOutreach attemptFinished(int attempt, Instant at, String outcome, String code, String detail) {
		ColumnText.refuseLonger("outreach_attempt.outcome", outcome, 20);
		ColumnText.refuseLonger("outreach_attempt.code", code, 50);
		if (attempts.stream().noneMatch(a -> a.attempt() == attempt)) {
			return this;
		}
		List<Attempt> all = new ArrayList<>(attempts);
		all.replaceAll(a -> a.attempt() != attempt ? a : new Attempt(a.attempt(), a.channel(), a.startedAt(),
				asStored(at), outcome, code, ColumnText.fit(detail, OutreachRow.DETAIL)));
		return new KeptOutreach(outreach, dedupeKey, fallbackDue, updatedAt, dueWithinSeconds, escalatedAt, history,
				List.copyOf(all));
	}

	private KeptOutreach delivery(Outreach.Delivery delivery) {
		return with(outreach.sendAt(), outreach.sentAt(), outreach.reviewUntil(), delivery, outreach.dueAt());
	}

	/** The record with the times and delivery that status changes set besides the status. */
	private KeptOutreach with(Instant sendAt, Instant sentAt, Instant reviewUntil, Outreach.Delivery delivery,
			Instant dueAt) {
		Outreach o = outreach;
		return with(new Outreach(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(),
				o.channel(), o.template(), o.decidedAt(), sendAt, o.status(), o.statusReason(), sentAt,
				o.explanation(), o.fallbackFor(), reviewUntil, o.policy(), delivery, o.resendOf(), dueAt,
				o.handled()), updatedAt);
	}

	private KeptOutreach with(Outreach changed, Instant changedAt) {
		return new KeptOutreach(changed, dedupeKey, fallbackDue, changedAt, dueWithinSeconds, escalatedAt, history,
				attempts);
	}
}
