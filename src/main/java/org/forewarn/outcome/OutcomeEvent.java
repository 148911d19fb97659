package org.forewarn.outcome;

import java.time.Instant;
import java.util.Set;

import org.forewarn.event.Event;

/**
 * One event that may be an outcome: its customer and time, the outcome it is (null for feedback that is no
 * complaint) and, for feedback, its scale and score.
 */
record OutcomeEvent(String customerId, Instant time, OutcomeKind kind, String scale, Double score) {

	static final Set<String> TYPES = Set.of("account.feedback", "order.cancelled", "account.cancel_requested",
			"account.plan_changed", "account.ticket_opened");

	/** The outcome in an event, or null when it is none (an upgrade, feedback without a known scale). */
	static OutcomeEvent of(Event e, OutcomeSettings.Complaint complaint) {
		return switch (e.type()) {
			case "order.cancelled" -> new OutcomeEvent(e.customerId(), e.instant(), OutcomeKind.ORDER_CANCELLED, null,
					null);
			case "account.cancel_requested" -> new OutcomeEvent(e.customerId(), e.instant(),
					OutcomeKind.CANCEL_REQUESTED, null, null);
			case "account.ticket_opened" -> new OutcomeEvent(e.customerId(), e.instant(), OutcomeKind.TICKET_OPENED,
					null, null);
			case "account.plan_changed" -> "downgrade".equals(e.text("direction"))
					? new OutcomeEvent(e.customerId(), e.instant(), OutcomeKind.DOWNGRADE, null, null) : null;
			case "account.feedback" -> feedback(e, complaint);
			default -> null;
		};
	}

	private static OutcomeEvent feedback(Event e, OutcomeSettings.Complaint complaint) {
		String scale = e.text("scale");
		Double score = e.number("score");
		Double threshold = "csat5".equals(scale) ? Double.valueOf(complaint.csat5())
				: "nps10".equals(scale) ? Double.valueOf(complaint.nps10()) : null;
		if (threshold == null || score == null) {
			return null;
		}
		return new OutcomeEvent(e.customerId(), e.instant(), score <= threshold ? OutcomeKind.COMPLAINT : null, scale,
				score);
	}
}
