package org.forewarn.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Valid events of every type, and the same events broken in the ways producers and attackers break them. */
final class EventMutations {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final List<String> TYPES = List.of("customer.updated", "order.placed", "order.paid",
			"order.payment_failed", "order.shipped", "shipment.scanned", "shipment.eta_changed", "shipment.exception",
			"order.delivered", "order.cancelled", "account.activity", "account.plan_changed", "account.ticket_opened",
			"account.ticket_closed", "account.feedback", "account.cancel_requested");
	private static final List<String> FIELDS = List.of("id", "type", "time", "customerId", "orderId", "data");
	private static final List<String> DATA_FIELDS = List.of("email", "phone", "name", "locale", "timeZone",
			"consent", "total", "shipBy", "promisedBy", "hard", "reason", "estimatedDelivery", "code", "metric",
			"value", "score", "scale", "comment", "ticketId", "direction", "status", "location", "unknownField");

	private final Random random;
	private final Instant now;

	EventMutations(Random random, Instant now) {
		this.random = random;
		this.now = now;
	}

	/** The n-th event: a valid one about a small set of customers, broken one to three ways most of the time. */
	ObjectNode next(int n) {
		String type = TYPES.get(random.nextInt(TYPES.size()));
		ObjectNode event = valid(type, "fuzz-c" + random.nextInt(40), "fuzz-" + n);
		if (random.nextInt(4) > 0) {
			for (int i = random.nextInt(3); i >= 0; i--) {
				mutate(event);
			}
		}
		return event;
	}

	ObjectNode valid(String type, String customerId, String id) {
		ObjectNode event = NODES.objectNode();
		event.put("id", id);
		event.put("type", type);
		event.put("time", time(now.minus(Duration.ofMinutes(random.nextInt(600)))));
		event.put("customerId", customerId);
		if (type.startsWith("order.") || type.startsWith("shipment.")) {
			event.put("orderId", customerId + "-o" + random.nextInt(3));
		}
		ObjectNode data = event.putObject("data");
		switch (type) {
			case "customer.updated" -> {
				data.put("email", customerId + "@customers.example").put("name", "Ana").put("timeZone", "UTC");
				data.putObject("consent").put("email", true).put("sms", random.nextBoolean());
			}
			case "order.placed" -> data.put("shipBy", time(now.plus(Duration.ofHours(random.nextInt(96) - 48))))
				.put("promisedBy", time(now.plus(Duration.ofHours(random.nextInt(200) - 50)))).put("total", 10.5);
			case "order.payment_failed" -> data.put("hard", random.nextBoolean()).put("reason", "declined");
			case "order.shipped" -> data.put("carrier", "post").put("estimatedDelivery", time(now.plus(Duration.ofDays(3))));
			case "shipment.scanned" -> data.put("location", "hub").put("status", "in_transit");
			case "shipment.eta_changed" -> data.put("estimatedDelivery", time(now.plus(Duration.ofDays(5))));
			case "shipment.exception" -> data.put("code", "damaged");
			case "account.activity" -> data.put("metric", "logins").put("value", random.nextInt(20));
			case "account.plan_changed" -> data.put("from", "pro").put("to", "basic").put("direction", "downgrade");
			case "account.ticket_opened", "account.ticket_closed" -> data.put("ticketId", "t" + random.nextInt(3));
			case "account.feedback" -> data.put("score", random.nextInt(5) + 1).put("scale", "csat5");
			default -> {
			}
		}
		return event;
	}

	private void mutate(ObjectNode event) {
		boolean inData = random.nextBoolean() && event.get("data") instanceof ObjectNode;
		ObjectNode target = inData ? (ObjectNode) event.get("data") : event;
		String field = inData ? DATA_FIELDS.get(random.nextInt(DATA_FIELDS.size()))
				: FIELDS.get(random.nextInt(FIELDS.size()));
		switch (random.nextInt(12)) {
			case 0 -> target.remove(field);
			case 1 -> target.putNull(field);
			case 2 -> target.put(field, random.nextInt());
			case 3 -> target.put(field, "x".repeat(1 + random.nextInt(70_000)));
			case 4 -> target.set(field, NODES.arrayNode().add(1).add("two"));
			case 5 -> target.set(field, deep(random.nextInt(200)));
			case 6 -> target.put(field, time(now.plus(Duration.ofDays(1 + random.nextInt(60)))));
			case 7 -> target.put(field, random.nextBoolean() ? "+999999999-01-01T00:00:00Z" : "1066-10-14T09:00:00Z");
			case 8 -> target.put(field, "ctl\u0000\u001b\ud83d\ude00");
			case 9 -> event.put("id", "timer-" + Long.toHexString(random.nextLong()));
			case 10 -> event.put("type", random.nextBoolean() ? "timer.fired" : "order.teleported");
			default -> target.put(field, "");
		}
	}

	private static JsonNode deep(int depth) {
		ObjectNode root = NODES.objectNode();
		ObjectNode at = root;
		for (int i = 0; i < depth; i++) {
			at = at.putObject("n");
		}
		return root;
	}

	private static String time(Instant at) {
		return at.toString();
	}
}
