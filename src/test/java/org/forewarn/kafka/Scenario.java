package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers with a mix of stories for the default rules, in the past so that every decision is due at once: a late
 * handoff, an order that goes well, a hard payment decline, a cancellation request. The promised dates lie ahead,
 * so each customer has at most one overdue wakeup. One customer's events are produced together, in order. Every
 * other customer whose payment fails also gave a phone number and SMS consent ({@code textable}): the default rules
 * still email them, a rule asking for SMS texts them.
 */
final class Scenario {

	record Customer(String id, List<String> events, String phone) {

		boolean textable() {
			return phone != null;
		}
	}

	private Scenario() {
	}

	/**
	 * Orders placed a day and a half ago, a second apart, to be handed to the carrier within 6 hours: the day of grace
	 * after that has passed, yet every trigger is younger than forewarn.outreach.max-trigger-age (48 hours), so the
	 * outreach decided goes out.
	 */
	static List<Customer> recentCustomers(String prefix, int count, Instant now) {
		return customers(prefix, count, now, now.minus(Duration.ofHours(36)), Duration.ofSeconds(1),
				Duration.ofHours(6));
	}

	private static List<Customer> customers(String prefix, int count, Instant now, Instant from, Duration apart,
			Duration handoff) {
		Instant base = from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<Customer> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = prefix + i;
			String order = id + "-o";
			Instant placed = base.plus(apart.multipliedBy(i));
			Instant shipBy = placed.plus(handoff);
			Instant promisedBy = now.plus(Duration.ofDays(30));
			String phone = i % 8 == 2 ? String.format("+1555%07d", i % 10_000_000) : null;
			List<String> events = new ArrayList<>(List.of(phone != null
					? TestEvents.textableCustomer(id, phone, base)
					: TestEvents.customer(id, base)));
			switch (i % 4) {
				case 0 -> events.add(TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy));
				case 1 -> events.addAll(List.of(TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy),
						TestEvents.orderEvent(id, order, "order.shipped", placed.plus(Duration.ofHours(12)), "{}"),
						TestEvents.orderEvent(id, order, "order.delivered", placed.plus(Duration.ofHours(30)), "{}")));
				case 2 -> events.addAll(List.of(TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy),
						TestEvents.orderEvent(id, order, "order.payment_failed", placed.plusSeconds(60),
								"{\"reason\":\"card blocked\",\"hard\":true}")));
				default -> events.add("{\"id\":\"" + id + "-cancel\",\"type\":\"account.cancel_requested\",\"time\":\""
						+ placed + "\",\"customerId\":\"" + id + "\",\"data\":{\"reason\":\"too expensive\"}}");
			}
			customers.add(new Customer(id, events, phone));
		}
		return customers;
	}

	static int eventCount(List<Customer> customers) {
		return customers.stream().mapToInt(c -> c.events().size()).sum();
	}
}
