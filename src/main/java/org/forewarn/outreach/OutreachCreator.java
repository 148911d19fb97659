package org.forewarn.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Wakeup;
import org.forewarn.shared.StableId;
import org.springframework.stereotype.Component;

/**
 * Makes new outreach records, once per dedupe key, with the guardrails that apply when a record is made: consent
 * and open tickets (SUPPRESSED with the reason), review (PENDING_REVIEW until approved or expired) and quiet hours
 * (the send time moves). Returns the wakeups the record needs: its send time, or its review deadline.
 */
@Component
class OutreachCreator {

	static final String SEND_LABEL = "send";
	static final String REVIEW_LABEL = "review deadline";

	/** Everything a new record needs before the guardrails have had their say. */
	record Draft(String dedupeKey, String customerId, String orderId, String rule, String ruleVersion, String problem,
			String channel, String template, Instant due, String explanation, String fallbackFor, SendPolicy policy,
			boolean review) {
	}

	/** The record made (null when its dedupe key already existed) and the wakeups it needs. */
	record Created(Outreach record, List<Wakeup> wakeups) {

		static final Created NOTHING = new Created(null, List.of());
	}

	private final OutreachStore outreach;
	private final Guardrails guardrails;
	private final GuardrailSettings settings;

	OutreachCreator(OutreachStore outreach, Guardrails guardrails, GuardrailSettings settings) {
		this.outreach = outreach;
		this.guardrails = guardrails;
		this.settings = settings;
	}

	Created create(Draft d, CustomerState state, Instant now) {
		if (outreach.existsByDedupeKey(d.dedupeKey())) {
			return Created.NOTHING;
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
			reviewUntil = now.plus(settings.review().expireAfter());
			reason = "waiting for approval until " + reviewUntil;
		}
		else {
			status = OutreachStatus.SCHEDULED;
			reason = placed.reason();
		}
		Outreach record = new Outreach(StableId.of(d.dedupeKey()), d.customerId(), d.orderId(), d.rule(),
				d.ruleVersion(), d.problem(), d.channel(), d.template(), now, placed.at(), status, reason, null,
				abbreviate(d.explanation()), d.fallbackFor(), reviewUntil, d.policy(), Outreach.Delivery.NONE);
		List<String> ruleFallback = d.policy().ruleFallback();
		boolean fallbackDue = refusal != null && refusal.consent() && ruleFallback != null && !ruleFallback.isEmpty();
		if (!outreach.insert(record, d.dedupeKey(), fallbackDue)) {
			return Created.NOTHING;
		}
		List<Wakeup> wakeups = new ArrayList<>();
		if (status == OutreachStatus.SCHEDULED && record.sendAt().isAfter(now)) {
			wakeups.add(new Wakeup(d.customerId(), record.sendAt(), d.orderId(), SEND_LABEL));
		}
		if (status == OutreachStatus.PENDING_REVIEW) {
			wakeups.add(new Wakeup(d.customerId(), reviewUntil, d.orderId(), REVIEW_LABEL));
		}
		return new Created(record, wakeups);
	}

	private static String abbreviate(String explanation) {
		return explanation == null || explanation.length() <= 10_000 ? explanation
				: explanation.substring(0, 9_997) + "...";
	}
}
