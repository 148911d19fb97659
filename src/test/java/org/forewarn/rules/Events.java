package org.forewarn.rules;

import java.time.Instant;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data in the event format of CONTRACT section 1. A {@link Draft} says what happened; the {@link Scenario}
 * adds who (its customer), when, and a unique event id when feeding it.
 */
final class Events {

	private Events() {
	}

	/** Profile with an email address, email consent as given, no SMS consent. */
	static Draft customer(boolean emailConsent) {
		Draft draft = new Draft("customer.updated", null).with("email", "ana@example.com").with("name", "Ana");
		draft.data.putObject("consent").put("email", emailConsent).put("sms", false);
		return draft;
	}

	/** An order without deadlines; add them with {@link Draft#shipBy} and {@link Draft#promisedBy}. */
	static Draft orderPlaced(String orderId) {
		return new Draft("order.placed", orderId).with("total", 49.90).with("currency", "EUR");
	}

	static Draft orderPaid(String orderId) {
		return new Draft("order.paid", orderId);
	}

	static Draft paymentFailed(String orderId, boolean hard) {
		return new Draft("order.payment_failed", orderId).with("hard", hard)
			.with("reason", hard ? "card blocked" : "insufficient funds");
	}

	static Draft shipped(String orderId) {
		return new Draft("order.shipped", orderId).with("carrier", "DHL").with("trackingNumber", "TRK-" + orderId);
	}

	static Draft scanned(String orderId, String location) {
		return new Draft("shipment.scanned", orderId).with("location", location).with("status", "in_transit");
	}

	static Draft etaChanged(String orderId, Instant estimatedDelivery) {
		return new Draft("shipment.eta_changed", orderId).with("estimatedDelivery", estimatedDelivery);
	}

	static Draft shipmentException(String orderId, String code) {
		return new Draft("shipment.exception", orderId).with("code", code).with("description", code + " reported");
	}

	static Draft delivered(String orderId) {
		return new Draft("order.delivered", orderId);
	}

	static Draft orderCancelled(String orderId) {
		return new Draft("order.cancelled", orderId).with("reason", "customer changed their mind");
	}

	static Draft feedback(int score, String scale) {
		return new Draft("account.feedback", null).with("score", score).with("scale", scale);
	}

	static Draft cancelRequested() {
		return new Draft("account.cancel_requested", null).with("reason", "too expensive");
	}

	static Draft ticketOpened(String ticketId) {
		return new Draft("account.ticket_opened", null).with("ticketId", ticketId).with("subject", "cannot log in");
	}

	static Draft planChanged(String from, String to, String direction) {
		return new Draft("account.plan_changed", null).with("from", from).with("to", to).with("direction", direction);
	}

	static Draft activity(String metric, double value) {
		return new Draft("account.activity", null).with("metric", metric).with("value", value);
	}

	/** One event without customer, time and (unless set) id. */
	static final class Draft {

		private final String type;
		private final String orderId;
		private final ObjectNode data = JsonNodeFactory.instance.objectNode();
		private String id;

		private Draft(String type, String orderId) {
			this.type = type;
			this.orderId = orderId;
		}

		/** A fixed id (the scenario prefixes it with the customer), to feed the very same event twice. */
		Draft id(String eventId) {
			this.id = eventId;
			return this;
		}

		Draft shipBy(Instant time) {
			return with("shipBy", time);
		}

		Draft promisedBy(Instant time) {
			return with("promisedBy", time);
		}

		Draft estimatedDelivery(Instant time) {
			return with("estimatedDelivery", time);
		}

		Draft with(String field, Object value) {
			if (value instanceof String text) {
				data.put(field, text);
			}
			else if (value instanceof Boolean flag) {
				data.put(field, flag);
			}
			else if (value instanceof Number number) {
				data.put(field, number.doubleValue());
			}
			else if (value instanceof Instant time) {
				data.put(field, time.toString());
			}
			else {
				throw new IllegalArgumentException(field + ": unsupported " + value.getClass());
			}
			return this;
		}

		String id() {
			return id;
		}

		String json(String eventId, Instant time, String customerId) {
			ObjectNode event = JsonNodeFactory.instance.objectNode();
			event.put("id", eventId).put("type", type).put("time", time.toString()).put("customerId", customerId);
			if (orderId != null) {
				event.put("orderId", orderId);
			}
			event.set("data", data);
			return event.toString();
		}

		@Override
		public String toString() {
			return type + (orderId == null ? "" : " " + orderId) + " " + data;
		}
	}
}
