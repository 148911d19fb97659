package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer's events for the production crash test, a few minutes old, so every decision is due at once and
 * made from a fresh trigger: an order a day past its handoff (email), an order that goes well (nothing), a hard
 * payment decline (email), a cancellation request (a task for a person).
 */
record CrashStory(String customerId, List<String> events) {

	static List<CrashStory> stories(int customers, Instant now) {
		Instant placed = now.minus(Duration.ofMinutes(10));
		List<CrashStory> stories = new ArrayList<>();
		for (int i = 0; i < customers; i++) {
			String id = "p" + i;
			String order = id + "-o";
			List<String> events = new ArrayList<>(List.of(TestEvents.customer(id, placed.minusSeconds(60))));
			switch (i % 4) {
				case 0 -> events.add(TestEvents.orderPlaced(id, order, placed, now.minus(Duration.ofDays(2))));
				case 1 -> events.addAll(List.of(TestEvents.orderPlaced(id, order, placed, now.plus(Duration.ofDays(1))),
						TestEvents.orderEvent(id, order, "order.shipped", placed.plusSeconds(60), "{}"),
						TestEvents.orderEvent(id, order, "order.delivered", placed.plusSeconds(120), "{}")));
				case 2 -> events.addAll(List.of(TestEvents.orderPlaced(id, order, placed, now.plus(Duration.ofDays(1))),
						TestEvents.orderEvent(id, order, "order.payment_failed", placed.plusSeconds(60),
								"{\"reason\":\"card blocked\",\"hard\":true}")));
				default -> events.add("{\"id\":\"" + id + "-cancel\",\"type\":\"account.cancel_requested\",\"time\":\""
						+ placed + "\",\"customerId\":\"" + id + "\",\"data\":{\"reason\":\"too expensive\"}}");
			}
			stories.add(new CrashStory(id, events));
		}
		return stories;
	}

	/** The ids of the events (each JSON object starts with its id). */
	List<String> eventIds() {
		return events.stream().map(e -> e.substring("{\"id\":\"".length(), e.indexOf('"', "{\"id\":\"".length())))
			.toList();
	}
}
