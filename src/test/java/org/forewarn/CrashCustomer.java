package org.forewarn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer of the crash tests: a profile with email consent and one order that misses its handoff to the carrier.
 * Most orders are a day overdue already, so the email is due when the order arrives; every fourth misses it a few
 * seconds after the test starts, so its email comes from a timer (the handoff check, a day after {@code shipBy}).
 */
record CrashCustomer(String id, String orderId, Instant handoffDue, String json) {

	static final String ORDER_PREFIX = "order-";

	static List<CrashCustomer> batch(String prefix, int count, Instant now) {
		List<CrashCustomer> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = prefix + "-" + i;
			Instant shipBy = i % 4 == 3 ? now.minus(Duration.ofDays(1)).plusSeconds(15 + i % 20)
					: now.minus(Duration.ofDays(2));
			String order = ORDER_PREFIX + id;
			String json = "[" + TestEvents.customer(id + "-profile", id, now, "UTC", "en", true, false) + ","
					+ "{\"id\":\"" + order + "-placed\",\"type\":\"order.placed\",\"time\":\"" + now
					+ "\",\"customerId\":\"" + id + "\",\"orderId\":\"" + order + "\",\"data\":{\"shipBy\":\"" + shipBy
					+ "\",\"promisedBy\":\"" + now.plus(Duration.ofDays(30)) + "\",\"total\":59.9,\"currency\":\"EUR\"}}]";
			customers.add(new CrashCustomer(id, order, shipBy.plus(Duration.ofDays(1)), json));
		}
		return customers;
	}

	String email() {
		return id + "@customers.example";
	}

	String orderEventId() {
		return orderId + "-placed";
	}

	List<String> eventIds() {
		return List.of(id + "-profile", orderEventId());
	}

	/** The customer an event id of these tests belongs to. */
	static String customerOf(String eventId) {
		return eventId.startsWith(ORDER_PREFIX) ? eventId.substring(ORDER_PREFIX.length(), eventId.length() - 7)
				: eventId.substring(0, eventId.length() - "-profile".length());
	}
}
