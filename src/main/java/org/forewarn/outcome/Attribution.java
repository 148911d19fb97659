package org.forewarn.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attributes each outcome event to the customer's first outreach (sent or held out) decided before it and at most
 * the window before it: an event at the very moment of the decision does not count, one exactly a window later
 * does. Works on event times only, so the order in which events arrived changes nothing.
 */
final class Attribution {

	/** What followed one exposure: the outcomes seen, and the feedback scores given, per scale. */
	record Followed(Set<OutcomeKind> outcomes, List<Double> csat5, List<Double> nps10) {

		static Followed empty() {
			return new Followed(EnumSet.noneOf(OutcomeKind.class), new ArrayList<>(), new ArrayList<>());
		}
	}

	private Attribution() {
	}

	/** Every exposure, with what followed it (nothing, for most). */
	static Map<Exposure, Followed> attribute(List<Exposure> exposures, List<OutcomeEvent> events, Duration window) {
		Map<String, List<Exposure>> byCustomer = exposures.stream()
			.sorted(Comparator.comparing(Exposure::decidedAt).thenComparing(Exposure::id))
			.collect(Collectors.groupingBy(Exposure::customerId));
		Map<Exposure, Followed> followed = new HashMap<>();
		exposures.forEach(e -> followed.put(e, Followed.empty()));
		for (OutcomeEvent event : events) {
			Exposure first = byCustomer.getOrDefault(event.customerId(), List.of()).stream()
				.filter(e -> e.decidedAt().isBefore(event.time())
						&& !event.time().isAfter(e.decidedAt().plus(window)))
				.findFirst().orElse(null);
			if (first == null) {
				continue;
			}
			Followed f = followed.get(first);
			if (event.kind() != null) {
				f.outcomes().add(event.kind());
			}
			if ("csat5".equals(event.scale())) {
				f.csat5().add(event.score());
			}
			else if ("nps10".equals(event.scale())) {
				f.nps10().add(event.score());
			}
		}
		return followed;
	}
}
