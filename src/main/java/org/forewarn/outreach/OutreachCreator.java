package org.forewarn.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Wakeup;
import org.forewarn.shared.ColumnText;
import org.forewarn.shared.StableId;
import org.springframework.stereotype.Component;

/**
 * Makes new outreach records, once per dedupe key, with the guardrails that apply when a record is made: consent
 * and open tickets (SUPPRESSED with the reason), review (PENDING_REVIEW until approved or expired) and quiet hours
 * (the send time moves). Returns the wakeups the record needs: its send time, its review deadline, or, for work due
 * at once (a send, a fallback owed), a wakeup that only dispatches. They commit with the record, so a crash before
 * the dispatch right after the commit still finds the work again.
 */
@Component
class OutreachCreator {

	static final String SEND_LABEL = "send";
	static final String REVIEW_LABEL = "review deadline";

	/** Everything a new record needs before the guardrails have had their say. */
	record Draft(String dedupeKey, String customerId, String orderId, String rule, String ruleVersion, String problem,
			String channel, String template, Instant due, String explanation, String fallbackFor, SendPolicy policy,
			boolean review, Duration maxTriggerAge, Duration dueWithin) {
	}

	/** The record made (null when its dedupe key already existed) and the wakeups it needs. */
	record Created(Outreach record, List<Wakeup> wakeups) {

		static final Created NOTHING = new Created(null, List.of());
	}

	private final OutreachStore outreach;
	private final Guardrails guardrails;
	private final GuardrailSettings settings;
	private final OutreachSettings timing;
	private final HoldoutGroups holdout;
	private final FollowupDue followupDue;
	private final Clock clock;

	OutreachCreator(OutreachStore outreach, Guardrails guardrails, GuardrailSettings settings,
			OutreachSettings timing, HoldoutGroups holdout, FollowupDue followupDue, Clock clock) {
		this.followupDue = followupDue;
		this.holdout = holdout;
		this.outreach = outreach;
		this.guardrails = guardrails;
		this.settings = settings;
		this.timing = timing;
		this.clock = clock;
	}

	/**
	 * Whether {@link #create} would add nothing for a timely decision whose record's id is among {@code existingIds}
	 * (a record's id is the hash of its dedupe key): it would find the key or, where a migration rewrote the key
	 * since, the id would refuse the insert. A stale decision is left to {@code create}, which records it apart.
	 */
	boolean addsNothing(String dedupeKey, Duration maxTriggerAge, Instant occurred, Set<String> existingIds) {
		return existingIds.contains(StableId.of(dedupeKey))
				&& Duration.between(occurred, clock.instant()).compareTo(maxAge(maxTriggerAge)) <= 0;
	}

	private Duration maxAge(Duration rulesOwn) {
		return rulesOwn != null ? rulesOwn : timing.maxTriggerAge();
	}

	/** {@code now}: the time the rules decided at, the trigger's own time. */
	Created create(Draft d, CustomerState state, Instant now) {
		return create(d, state, now, now);
	}

	/**
	 * {@code now}: the time the rules decided at; {@code occurred}: the time of the event they decided on, whose age
	 * makes the decision stale. Earlier than {@code now} for a late event reasoned about at a later moment: what it
	 * told is as old as it is, whenever it is reasoned about.
	 */
	Created create(Draft d, CustomerState state, Instant now, Instant occurred) {
		if (outreach.existsByDedupeKey(d.dedupeKey())) {
			return Created.NOTHING;
		}
		Duration age = Duration.between(occurred, clock.instant());
		Duration maxAge = maxAge(d.maxTriggerAge());
		if (age.compareTo(maxAge) > 0) {
			return stale(d, now, occurred, age, maxAge);
		}
		Guardrails.Refusal refusal = guardrails.refusal(d.channel(), d.problem(), state);
		Instant due = d.due().isBefore(now) ? now : d.due();
		QuietHours.Placement placed = guardrails.place(d.channel(), state, due, d.policy().notLaterThan(), now);
		OutreachStatus status;
		String reason;
		Instant reviewUntil = null;
		if (refusal != null) {
			status = OutreachStatus.SUPPRESSED;
			reason = refusal.reason();
		}
		else if (d.review()) {
			status = OutreachStatus.PENDING_REVIEW;
			// a person's time to review runs on the clock, even for a decision from an older event
			reviewUntil = clock.instant().plus(settings.review().expireAfter());
			reason = "waiting for approval until " + reviewUntil;
		}
		else {
			status = OutreachStatus.SCHEDULED;
			reason = placed.reason();
		}
		// the share is fixed now: changing the settings later starts new decisions in the new groups, not old ones
		SendPolicy policy = d.policy().withHoldoutPercent(
				holdout.percentFor(d.rule(), d.problem(), d.channel(), d.policy().holdoutPercent()));
		Outreach record = new Outreach(StableId.of(d.dedupeKey()), d.customerId(), d.orderId(), d.rule(),
				d.ruleVersion(), d.problem(), d.channel(), d.template(), now, placed.at(), status, reason, null,
				ColumnText.fit(d.explanation(), 10_000), d.fallbackFor(), reviewUntil, policy, Outreach.Delivery.NONE);
		List<String> ruleFallback = d.policy().ruleFallback();
		boolean fallbackDue = refusal != null && refusal.consent() && ruleFallback != null && !ruleFallback.isEmpty();
		// a task's time to be handled is fixed when decided, like the holdout share; its due time is set when it opens
		Duration dueWithin = !"task".equals(d.channel()) ? null
				: d.dueWithin() != null ? d.dueWithin() : followupDue.within(d.problem());
		if (!outreach.insert(record, d.dedupeKey(), fallbackDue, dueWithin, null)) {
			return Created.NOTHING;
		}
		List<Wakeup> wakeups = new ArrayList<>();
		// work due at once is done by the dispatch after the commit; its wakeup finds it if the process stops first
		if (status == OutreachStatus.SCHEDULED) {
			wakeups.add(record.sendAt().isAfter(now) ? new Wakeup(d.customerId(), record.sendAt(), d.orderId(),
					SEND_LABEL) : OutreachPlanner.dispatchWakeup(d.customerId(), d.orderId(), record.sendAt()));
		}
		if (status == OutreachStatus.PENDING_REVIEW) {
			wakeups.add(new Wakeup(d.customerId(), reviewUntil, d.orderId(), REVIEW_LABEL));
		}
		if (fallbackDue) {
			wakeups.add(OutreachPlanner.dispatchWakeup(d.customerId(), d.orderId(), now));
		}
		return new Created(record, wakeups);
	}

	/**
	 * Decided from an event that arrived too late to act on: kept EXPIRED, so it is seen, under a key of its own, so
	 * the same decision made again from a timely event still goes out.
	 */
	private Created stale(Draft d, Instant decidedAt, Instant occurred, Duration age, Duration maxAge) {
		String key = d.dedupeKey() + "|stale";
		if (outreach.existsByDedupeKey(key)) {
			return Created.NOTHING;
		}
		String reason = "stale: decided from an event " + age.toHours() + " hours old (" + occurred + "), more than "
				+ maxAge.toHours() + " hours";
		Outreach record = new Outreach(StableId.of(key), d.customerId(), d.orderId(), d.rule(), d.ruleVersion(),
				d.problem(), d.channel(), d.template(), decidedAt, d.due(), OutreachStatus.EXPIRED, reason, null,
				ColumnText.fit(d.explanation(), 10_000), d.fallbackFor(), null, d.policy(), Outreach.Delivery.NONE);
		return outreach.insert(record, key, false) ? new Created(record, List.of()) : Created.NOTHING;
	}
}
