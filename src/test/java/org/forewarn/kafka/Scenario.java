package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers with stories for the default rules, in the past so that every decision is due at once: a late handoff,
 * an order that goes well, a hard payment decline, a cancellation request. The promised dates lie ahead, so each
 * customer has at most one overdue wakeup. One customer's events are produced together, in order. Every other customer
 * whose payment fails also gave a phone number and SMS consent ({@code textable}): the default rules still email them,
 * a rule asking for SMS texts them.
 */
final class Scenario {

	record Customer(String id, List<String> events, String phone) {

		boolean textable() {
			return phone != null;
		}
	}

	private enum Story {
		LATE_HANDOFF, GOES_WELL, PAYMENT_DECLINED, CANCEL_REQUESTED
	}

	/** How many of the customers have a problem that calls for outreach. */
	enum Mix {
		/** Three customers in four: a late handoff, a declined payment, a cancellation request; the fourth goes well. */
		OUTREACH_STORM {
			@Override
			Story story(int customer) {
				return Story.values()[customer % 4];
			}
		},
		/**
		 * One customer in eight, the three problems in turn; the others' orders go well. As in a shop's history:
		 * in olist-dev 12% of the customers get outreach.
		 */
		SHOP {
			@Override
			Story story(int customer) {
				if (customer % 8 != 0) {
					return Story.GOES_WELL;
				}
				return List.of(Story.LATE_HANDOFF, Story.PAYMENT_DECLINED, Story.CANCEL_REQUESTED)
					.get(customer / 8 % 3);
			}
		};

		abstract Story story(int customer);
	}

	private Scenario() {
	}

	/** {@link #recentCustomers(String, int, Instant, Mix)} in an outreach storm. */
	static List<Customer> recentCustomers(String prefix, int count, Instant now) {
		return recentCustomers(prefix, count, now, Mix.OUTREACH_STORM);
	}

	/**
	 * Orders placed a day and a half ago, a second apart, to be handed to the carrier within 6 hours: the day of grace
	 * after that has passed, yet every trigger is younger than forewarn.outreach.max-trigger-age (48 hours), so the
	 * outreach decided goes out.
	 */
	static List<Customer> recentCustomers(String prefix, int count, Instant now, Mix mix) {
		Instant base = now.minus(Duration.ofHours(36)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<Customer> customers = new ArrayList<>();
		int declines = 0;
		for (int i = 0; i < count; i++) {
			String id = prefix + i;
			String order = id + "-o";
			Instant placed = base.plus(Duration.ofSeconds(i));
			Instant shipBy = placed.plus(Duration.ofHours(6));
			Instant promisedBy = now.plus(Duration.ofDays(30));
			Story story = mix.story(i);
			String phone = story == Story.PAYMENT_DECLINED && declines++ % 2 == 0
					? String.format("+1555%07d", i % 10_000_000) : null;
			List<String> events = new ArrayList<>(List.of(phone != null
					? TestEvents.textableCustomer(id, phone, base)
					: TestEvents.customer(id, base)));
			String placedEvent = TestEvents.orderPlaced(id, order, placed, shipBy, promisedBy);
			switch (story) {
				case LATE_HANDOFF -> events.add(placedEvent);
				case GOES_WELL -> events.addAll(List.of(placedEvent,
						TestEvents.orderEvent(id, order, "order.shipped", placed.plus(Duration.ofHours(12)), "{}"),
						TestEvents.orderEvent(id, order, "order.delivered", placed.plus(Duration.ofHours(30)), "{}")));
				case PAYMENT_DECLINED -> events.addAll(List.of(placedEvent, TestEvents.orderEvent(id, order,
						"order.payment_failed", placed.plusSeconds(60), "{\"reason\":\"card blocked\",\"hard\":true}")));
				case CANCEL_REQUESTED -> events.add(cancelRequested(id, placed));
			}
			customers.add(new Customer(id, events, phone));
		}
		return customers;
	}

	private static String cancelRequested(String customerId, Instant at) {
		return "{\"id\":\"" + customerId + "-cancel\",\"type\":\"account.cancel_requested\",\"time\":\"" + at
				+ "\",\"customerId\":\"" + customerId + "\",\"data\":{\"reason\":\"too expensive\"}}";
	}

	static int eventCount(List<Customer> customers) {
		return customers.stream().mapToInt(c -> c.events().size()).sum();
	}
}
