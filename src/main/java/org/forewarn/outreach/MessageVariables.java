package org.forewarn.outreach;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.forewarn.channel.OutgoingMessage;
import org.forewarn.customer.Customer;
import org.forewarn.customer.CustomerState;
import org.forewarn.customer.Order;
import org.forewarn.customer.Shipment;
import org.springframework.stereotype.Component;

/**
 * The message for one outreach: recipient, language, and the values its template may use. Dates are handed over as
 * moments in the customer's own zone; the template renderer writes them out in the template's language.
 */
@Component
class MessageVariables {

	/** Every value a message carries: the placeholders a template may use (checked by {@code validate}). */
	static final Set<String> NAMES = Set.of("customerId", "name", "firstName", "problem", "orderId", "promisedBy",
			"shipBy", "estimatedDelivery", "carrier", "trackingNumber", "exceptionCode", "unsubscribeUrl",
			"fallbackFrom", "fallbackReason");

	private final UnsubscribeLinks unsubscribe;

	MessageVariables(UnsubscribeLinks unsubscribe) {
		this.unsubscribe = unsubscribe;
	}

	/** The customer's locale, or null when unknown (the templates' fallback locale is used then). */
	static Locale locale(Customer customer) {
		return customer.getLocale() == null || customer.getLocale().isBlank() ? null
				: Locale.forLanguageTag(customer.getLocale());
	}

	/** {@code replaced}: the record this one is a fallback for, or null. */
	OutgoingMessage message(Outreach o, CustomerState state, Outreach replaced) {
		Customer customer = state.customer();
		String recipient = switch (o.channel()) {
			case "email" -> customer.getEmail();
			case "sms" -> customer.getPhone();
			default -> null;
		};
		String unsubscribeUrl = "email".equals(o.channel()) ? unsubscribe.url(customer.getCustomerId()) : null;
		Map<String, Object> values = of(o, state);
		values.put("unsubscribeUrl", unsubscribeUrl == null ? "" : unsubscribeUrl);
		values.put("fallbackFrom", replaced == null ? "" : replaced.channel());
		values.put("fallbackReason", replaced == null || replaced.statusReason() == null ? "" : replaced.statusReason());
		return new OutgoingMessage(o.id(), o.channel(), o.template(), recipient, locale(customer), values,
				unsubscribeUrl);
	}

	Map<String, Object> of(Outreach o, CustomerState state) {
		Customer customer = state.customer();
		ZoneId zone = customer.zone();
		Map<String, Object> values = new HashMap<>();
		values.put("customerId", customer.getCustomerId());
		String name = customer.getName() == null ? "" : customer.getName().strip();
		values.put("name", name);
		values.put("firstName", name.isEmpty() ? "" : name.split("\\s+")[0]);
		values.put("problem", o.problem());
		values.put("orderId", o.orderId() == null ? "" : o.orderId());
		Order order = o.orderId() == null ? null : state.orders().get(o.orderId());
		Shipment shipment = o.orderId() == null ? null : state.shipments().get(o.orderId());
		values.put("promisedBy", date(order == null ? null : order.getPromisedBy(), zone));
		values.put("shipBy", date(order == null ? null : order.getShipBy(), zone));
		values.put("estimatedDelivery", date(shipment == null ? null : shipment.getEstimatedDelivery(), zone));
		values.put("carrier", shipment == null || shipment.getCarrier() == null ? "" : shipment.getCarrier());
		values.put("trackingNumber",
				shipment == null || shipment.getTrackingNumber() == null ? "" : shipment.getTrackingNumber());
		values.put("exceptionCode",
				shipment == null || shipment.getExceptionCode() == null ? "" : shipment.getExceptionCode());
		return values;
	}

	private static Object date(Instant instant, ZoneId zone) {
		return instant == null ? "" : ZonedDateTime.ofInstant(instant, zone);
	}
}
