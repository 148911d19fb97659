package org.forewarn.replay;

import java.util.Set;

/**
 * When the volume table flags a rule. Every rule is flagged when its messages reach more than {@code percent} of
 * all orders. Whether an order arrived on time only says a message was needless when the message was about the
 * order arriving late, so the "mostly orders that arrived on time" warning looks only at outreach for
 * {@code onTimeProblems}: by default the delay problems bench/olist_score.py scores (order.not_shipped,
 * shipment.late, shipment.stalled, shipment.exception); a churn or payment message to an on-time order is not a
 * mistake.
 */
record VolumeWarnings(double percent, Set<String> onTimeProblems) {

	static final Set<String> DEFAULT_ON_TIME_PROBLEMS = DelayScore.DELAY_PROBLEMS;

	VolumeWarnings {
		onTimeProblems = Set.copyOf(onTimeProblems);
	}

	boolean checksOnTime(String problem) {
		return onTimeProblems.contains(problem);
	}
}
