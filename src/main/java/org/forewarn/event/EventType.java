package org.forewarn.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.forewarn.event.FieldKind.BOOLEAN;
import static org.forewarn.event.FieldKind.NUMBER;
import static org.forewarn.event.FieldKind.OBJECT;
import static org.forewarn.event.FieldKind.TEXT;
import static org.forewarn.event.FieldKind.TIME;

/** The event catalogue with the kind of each known data field, used to validate input. */
public enum EventType {
	CUSTOMER_UPDATED("customer.updated", Map.of("email", TEXT, "phone", TEXT, "name", TEXT, "locale", TEXT,
			"timeZone", TEXT, "region", TEXT, "segment", TEXT, "consent", OBJECT)),
	ORDER_PLACED("order.placed", Map.of("total", NUMBER, "currency", TEXT, "shipBy", TIME, "promisedBy", TIME,
			"destinationRegion", TEXT)),
	ORDER_PAID("order.paid", Map.of()),
	ORDER_PAYMENT_FAILED("order.payment_failed", Map.of("reason", TEXT, "hard", BOOLEAN)),
	ORDER_SHIPPED("order.shipped", Map.of("carrier", TEXT, "trackingNumber", TEXT, "estimatedDelivery", TIME)),
	SHIPMENT_SCANNED("shipment.scanned", Map.of("location", TEXT, "status", TEXT)),
	SHIPMENT_ETA_CHANGED("shipment.eta_changed", Map.of("estimatedDelivery", TIME), "estimatedDelivery"),
	SHIPMENT_EXCEPTION("shipment.exception", Map.of("code", TEXT, "description", TEXT), "code"),
	ORDER_DELIVERED("order.delivered", Map.of()),
	ORDER_CANCELLED("order.cancelled", Map.of("reason", TEXT)),
	ACCOUNT_ACTIVITY("account.activity", Map.of("metric", TEXT, "value", NUMBER), "metric", "value"),
	ACCOUNT_PLAN_CHANGED("account.plan_changed", Map.of("from", TEXT, "to", TEXT, "direction", TEXT)),
	ACCOUNT_TICKET_OPENED("account.ticket_opened", Map.of("ticketId", TEXT, "subject", TEXT)),
	ACCOUNT_TICKET_CLOSED("account.ticket_closed", Map.of("ticketId", TEXT, "subject", TEXT)),
	ACCOUNT_FEEDBACK("account.feedback", Map.of("score", NUMBER, "scale", TEXT, "comment", TEXT, "orderId", TEXT),
			"score"),
	ACCOUNT_CANCEL_REQUESTED("account.cancel_requested", Map.of("reason", TEXT)),
	/** Raised by the engine itself when a timer a rule asked for comes due; never accepted from outside. */
	TIMER_FIRED("timer.fired", Map.of("label", TEXT, "orderId", TEXT, "dueAt", TIME));

	private final String wireName;
	private final Map<String, FieldKind> fields;
	private final String[] requiredData;

	EventType(String wireName, Map<String, FieldKind> fields, String... requiredData) {
		this.wireName = wireName;
		this.fields = fields;
		this.requiredData = requiredData;
	}

	public String wireName() {
		return wireName;
	}

	Map<String, FieldKind> fields() {
		return fields;
	}

	String[] requiredData() {
		return requiredData;
	}

	/** About an order: it needs an {@code orderId}, and makes the order known. */
	public boolean needsOrderId() {
		return wireName.startsWith("order.") || wireName.startsWith("shipment.");
	}

	/** Looked up on every event: a map, not a walk over the values. */
	private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(t -> t.wireName, t -> t));

	public static Optional<EventType> of(String wireName) {
		return wireName == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(wireName));
	}
}
