package org.forewarn.outreach;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.forewarn.customer.Customer;
import org.forewarn.customer.CustomerState;
import org.forewarn.customer.Order;
import org.forewarn.customer.Shipment;
import org.springframework.stereotype.Component;

/** The values a message template may use, with dates in the customer's own zone and locale. */
@Component
class MessageVariables {

	Locale locale(Customer customer) {
		return customer.getLocale() == null ? Locale.ENGLISH : Locale.forLanguageTag(customer.getLocale());
	}

	Map<String, String> of(Outreach o, CustomerState state) {
		Customer customer = state.customer();
		Locale locale = locale(customer);
		ZoneId zone = customer.zone();
		Map<String, String> values = new HashMap<>();
		values.put("customerId", customer.getCustomerId());
		values.put("name", customer.getName() == null ? "" : customer.getName());
		values.put("problem", o.problem());
		values.put("orderId", o.orderId() == null ? "" : o.orderId());
		Order order = o.orderId() == null ? null : state.orders().get(o.orderId());
		Shipment shipment = o.orderId() == null ? null : state.shipments().get(o.orderId());
		values.put("promisedBy", date(order == null ? null : order.getPromisedBy(), zone, locale));
		values.put("shipBy", date(order == null ? null : order.getShipBy(), zone, locale));
		values.put("estimatedDelivery", date(shipment == null ? null : shipment.getEstimatedDelivery(), zone, locale));
		values.put("carrier", shipment == null || shipment.getCarrier() == null ? "" : shipment.getCarrier());
		values.put("trackingNumber",
				shipment == null || shipment.getTrackingNumber() == null ? "" : shipment.getTrackingNumber());
		values.put("exceptionCode",
				shipment == null || shipment.getExceptionCode() == null ? "" : shipment.getExceptionCode());
		return values;
	}

	private static String date(Instant instant, ZoneId zone, Locale locale) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(zone));
	}
}
