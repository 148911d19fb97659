package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.forewarn.brake.Pause;
import org.forewarn.customer.CustomerState;
import org.forewarn.suppression.SuppressionList;
import org.springframework.stereotype.Component;

/**
 * The checks between a rule's decision and a message: consent, the suppression list, an open support ticket, quiet
 * hours and frequency caps. Consent, suppression and tickets are checked when a record is made and again when it is
 * due; caps only when it is due, because they count what really went out.
 */
@Component
class Guardrails {

	static final String OPEN_TICKET = "open support ticket";

	/**
	 * A send that was placed on an allowed minute and fires this much later still counts as on time: a timer that
	 * fires a few seconds late must not push a send placed right before quiet hours to the next morning.
	 */
	static final Duration LATE_FIRING_TOLERANCE = Duration.ofMinutes(10);

	/**
	 * Why a record may not go out ({@code reason}); {@code consent} when the channel is closed to this customer (no
	 * consent, or the address is on the suppression list), so a rule's fallback channel applies.
	 */
	record Refusal(String reason, boolean consent) {
	}

	/** What to do with a due record. */
	sealed interface Verdict {
		record Send() implements Verdict {
		}

		record Suppress(String reason, boolean fallbackDue) implements Verdict {
		}

		record Defer(Instant until, String reason) implements Verdict {
		}

		/** Past its deadline: it would reach the customer too late to help. */
		record Expire(String reason) implements Verdict {
		}
	}

	private final QuietHours quietHours;
	private final FrequencyCaps caps;
	private final Set<String> ticketProblems;
	private final Duration deadlineGrace;
	private final SuppressionList suppressions;

	Guardrails(QuietHours quietHours, FrequencyCaps caps, GuardrailSettings settings, OutreachSettings timing,
			SuppressionList suppressions) {
		this.suppressions = suppressions;
		this.quietHours = quietHours;
		this.caps = caps;
		this.deadlineGrace = timing.deadlineGrace();
		List<String> problems = settings.openTicket().problems();
		this.ticketProblems = problems == null ? Set.of() : Set.copyOf(problems);
	}

	/** Consent and open tickets: null when the customer may be reached on the channel about the problem. */
	Refusal refusal(String channel, String problem, CustomerState state) {
		String consent = Consent.refusal(state.customer(), channel);
		if (consent != null) {
			return new Refusal(consent, true);
		}
		String suppressed = suppressions.refusal(channel, address(channel, state));
		if (suppressed != null) {
			return new Refusal(suppressed, true);
		}
		// a follow-up task is itself a person's work, so only messages to the customer wait for the ticket
		if (!"task".equals(channel) && state.account().hasOpenTicket() && ticketProblems.contains(problem)) {
			return new Refusal(OPEN_TICKET, false);
		}
		return null;
	}

	private static String address(String channel, CustomerState state) {
		return switch (channel) {
			case "email" -> state.customer().getEmail();
			case "sms" -> state.customer().getPhone();
			default -> null;
		};
	}

	/** Where a new record's send lands, given quiet hours. */
	QuietHours.Placement place(String channel, CustomerState state, Instant due, Instant deadline, Instant now) {
		return quietHours.place(channel, state.customer().zone(), due, deadline, now);
	}

	/** {@code now}: the clock, never an event's time. */
	Verdict atSend(Outreach o, CustomerState state, Instant now) {
		Instant deadline = o.policy().notLaterThan();
		if (deadline != null && now.isAfter(deadline.plus(deadlineGrace))) {
			return new Verdict.Expire("past its deadline " + deadline + " (due " + o.sendAt() + ", now " + now + ")");
		}
		Refusal refusal = refusal(o.channel(), o.problem(), state);
		if (refusal != null) {
			List<String> ruleFallback = o.policy().ruleFallback();
			return new Verdict.Suppress(refusal.reason(),
					refusal.consent() && ruleFallback != null && !ruleFallback.isEmpty());
		}
		ZoneId zone = state.customer().zone();
		// a record a pause held back goes out when resumed: a new moment, not a timer firing a little late
		boolean onTime = !now.isAfter(o.sendAt().plus(LATE_FIRING_TOLERANCE)) && !Pause.heldBack(o.statusReason())
				&& quietHours.place(o.channel(), zone, o.sendAt(), null, o.sendAt()).reason() == null;
		if (!onTime) {
			QuietHours.Placement placed = quietHours.place(o.channel(), zone, now, deadline, now);
			if (placed.reason() != null) {
				return new Verdict.Defer(placed.at(), placed.reason());
			}
		}
		if (caps.reached(o.customerId(), o.channel(), zone, now)) {
			if (!o.policy().deferWhenCapped()) {
				return new Verdict.Suppress(FrequencyCaps.REASON, false);
			}
			Instant next = quietHours.place(o.channel(), zone, FrequencyCaps.nextDay(zone, now), null, now).at();
			if (deadline != null && next.isAfter(deadline)) {
				return new Verdict.Suppress(FrequencyCaps.REASON + " (waiting would miss its deadline)", false);
			}
			return new Verdict.Defer(next, FrequencyCaps.REASON + ": waits for the customer's next day");
		}
		return new Verdict.Send();
	}
}
