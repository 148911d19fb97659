package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers with a mix of stories for the default rules, in the past so that every decision is due at once: a late
 * handoff, an order that goes well, a hard payment decline, a cancellation request. The promised dates lie ahead,
 * so each customer has at most one overdue wakeup. One customer's events are produced together, in order.
 */
final class Scenario {

	record Customer(String id, List<String> events) {
	}

	private Scenario() {
	}

	static List<Customer> customers(String prefix, int count, Instant now) {
		Instant base = now.minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<Customer> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = prefix + i;
			String order = id + "-o";
			Instant placed = base.plus(Duration.ofMinutes(i));
			Instant shipBy = placed.plus(Duration.ofDays(1));
			Instant promisedBy = now.plus(Duration.ofDays(30));
			List<String> events = new ArrayList<>(List.of(TestEvents.customer(id, base)));
			switch (i % 4) {
				case 0 -> events.add(TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy));
				case 1 -> events.addAll(List.of(TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy),
						TestEvents.orderEvent(id, order, "order.shipped", placed.plus(Duration.ofHours(12)), "{}"),
						TestEvents.orderEvent(id, order, "order.delivered", placed.plus(Duration.ofDays(2)), "{}")));
				case 2 -> events.addAll(List.of(TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy),
						TestEvents.orderEvent(id, order, "order.payment_failed", placed.plusSeconds(60),
								"{\"reason\":\"card blocked\",\"hard\":true}")));
				default -> events.add("{\"id\":\"" + id + "-cancel\",\"type\":\"account.cancel_requested\",\"time\":\""
						+ placed + "\",\"customerId\":\"" + id + "\",\"data\":{\"reason\":\"too expensive\"}}");
			}
			customers.add(new Customer(id, events));
		}
		return customers;
	}

	static int eventCount(List<Customer> customers) {
		return customers.stream().mapToInt(c -> c.events().size()).sum();
	}
}
