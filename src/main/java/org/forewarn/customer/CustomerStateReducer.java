package org.forewarn.customer;

import java.time.Instant;

import org.forewarn.event.Event;
import org.forewarn.event.EventType;
import org.forewarn.shared.PhoneNumbers;

import tools.jackson.databind.JsonNode;

/** Folds one event into a customer's state. Pure: no I/O, no clock but the event's own time. */
public final class CustomerStateReducer {

	private CustomerStateReducer() {
	}

	public static void apply(CustomerState state, Event event) {
		Instant at = event.instant();
		EventType type = EventType.of(event.type()).orElseThrow();
		// an orderId on an event about something else (the customer, the account) is noted on an order already known,
		// and makes no order: an order no event placed would count as open, and push real ones out of the state
		if (event.orderId() != null && type != EventType.TIMER_FIRED
				&& (type.needsOrderId() || state.orders().containsKey(event.orderId()))) {
			state.order(event.orderId()).record(at, event.type());
		}
		switch (type) {
			case CUSTOMER_UPDATED -> {
				JsonNode consent = event.data().path("consent");
				state.customer().update(event.text("email"), phone(event.text("phone")), event.text("name"),
						event.text("locale"), event.text("timeZone"), event.text("region"), event.text("segment"),
						bool(consent, "email"), bool(consent, "sms"), at, event.text("source") != null);
			}
			case ORDER_PLACED -> {
				Order order = state.order(event.orderId());
				order.placed(at, event.number("total"), event.text("currency"), event.instant("shipBy"),
						event.instant("promisedBy"), event.text("destinationRegion"));
				if (state.shipments().containsKey(event.orderId())) { // shipped before the order was heard of
					state.shipment(event.orderId()).promised(order.getPromisedBy());
				}
			}
			case ORDER_PAID -> state.order(event.orderId()).paid(at);
			case ORDER_PAYMENT_FAILED -> state.order(event.orderId()).paymentFailed(at,
					Boolean.TRUE.equals(event.bool("hard")), event.text("reason"));
			case ORDER_SHIPPED -> {
				state.order(event.orderId()).shipped(at);
				state.shipment(event.orderId()).shipped(at, event.text("carrier"), event.text("trackingNumber"),
						event.instant("estimatedDelivery"));
			}
			case SHIPMENT_SCANNED -> state.shipment(event.orderId()).scanned(at, event.text("location"),
					event.text("status"));
			case SHIPMENT_ETA_CHANGED -> state.shipment(event.orderId()).estimateChanged(at,
					event.instant("estimatedDelivery"));
			case SHIPMENT_EXCEPTION -> state.shipment(event.orderId()).exception(at, event.text("code"),
					event.text("description"));
			case ORDER_DELIVERED -> {
				state.order(event.orderId()).delivered(at);
				if (state.shipments().containsKey(event.orderId())) {
					state.shipment(event.orderId()).delivered(at);
				}
			}
			case ORDER_CANCELLED -> state.order(event.orderId()).cancelled(at, event.text("reason"));
			case ACCOUNT_ACTIVITY -> state.account().activity(at, event.text("metric"), event.number("value"));
			case ACCOUNT_PLAN_CHANGED -> state.account().planChanged(at, event.text("to"), event.text("direction"));
			case ACCOUNT_TICKET_OPENED -> state.account().ticketOpened(at, event.text("ticketId"));
			case ACCOUNT_TICKET_CLOSED -> state.account().ticketClosed(at, event.text("ticketId"));
			case ACCOUNT_FEEDBACK -> state.account().feedback(new Feedback(state.customerId(), at,
					event.number("score"), event.text("scale"), feedbackOrder(event), event.text("comment")));
			case ACCOUNT_CANCEL_REQUESTED -> state.account().cancelRequested(at, event.text("reason"));
			case TIMER_FIRED -> {
				// a timer changes no state; it only makes the rules look again at this time
			}
		}
		state.forgetOldOrders(at);
	}

	private static String feedbackOrder(Event event) {
		String fromData = event.text("orderId");
		return fromData != null ? fromData : event.orderId();
	}

	/** Kept in E.164, as it is sent and matched; intake refused any other, but events stored before it kept theirs. */
	private static String phone(String written) {
		return written == null || written.isBlank() ? written : PhoneNumbers.e164(written).orElse(written);
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asBoolean();
	}
}
