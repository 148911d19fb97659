package org.forewarn.outreach;

import java.util.Map;

import org.forewarn.shared.StableId;

/**
 * Which occurrence of a problem an outreach request is about. A notice called off before it went out (the problem
 * resolved first) does not keep the customer from hearing about the problem when it comes back: once it is detected
 * anew (its detection was resolved, then opened again), the request is for the next occurrence, whose dedupe key is
 * the first one's plus {@code |again-N}. While the problem stays detected, or once a notice about it ended any other
 * way (it went out, a guardrail or a reviewer refused it, its deadline passed), it is the same occurrence, and the
 * rules add nothing.
 */
final class Occurrences {

	private Occurrences() {
	}

	/**
	 * The dedupe key of a request: {@code base} is (customer, problem, order, rule); {@code detectedAnew} says whether
	 * its detection was not open before this evaluation; {@code existing} holds the customer's records by id.
	 */
	static String dedupeKey(String base, int step, boolean detectedAnew, Map<String, Outreach> existing) {
		int occurrence = 1;
		while (begun(existing, key(base, occurrence + 1))) {
			occurrence++;
		}
		Outreach latest = existing.get(StableId.of(key(base, occurrence)));
		if (detectedAnew && latest != null && latest.status() == OutreachStatus.CANCELLED) {
			occurrence++;
		}
		return key(base, occurrence) + (step > 1 ? "|step " + step : "");
	}

	/** Whether an occurrence has a record: its own, or one decided from a stale event and kept apart. */
	private static boolean begun(Map<String, Outreach> existing, String key) {
		return existing.containsKey(StableId.of(key)) || existing.containsKey(StableId.of(key + "|stale"));
	}

	private static String key(String base, int occurrence) {
		return occurrence == 1 ? base : base + "|again-" + occurrence;
	}
}
