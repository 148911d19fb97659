package org.forewarn.kafka;

import java.time.Instant;

/** Event JSON (CONTRACT section 1) for the Kafka tests. */
final class TestEvents {

	private TestEvents() {
	}

	static String customer(String customerId, Instant at) {
		return "{\"id\":\"" + customerId + "-profile\",\"type\":\"customer.updated\",\"time\":\"" + at
				+ "\",\"customerId\":\"" + customerId + "\",\"data\":{\"email\":\"" + customerId
				+ "@customers.example\",\"name\":\"Ana\",\"consent\":{\"email\":true,\"sms\":false}}}";
	}

	/** A customer who also gave a phone number and consent to SMS. */
	static String textableCustomer(String customerId, String phone, Instant at) {
		return "{\"id\":\"" + customerId + "-profile\",\"type\":\"customer.updated\",\"time\":\"" + at
				+ "\",\"customerId\":\"" + customerId + "\",\"data\":{\"email\":\"" + customerId
				+ "@customers.example\",\"phone\":\"" + phone
				+ "\",\"name\":\"Ana\",\"consent\":{\"email\":true,\"sms\":true}}}";
	}

	static String orderPlaced(String customerId, String orderId, Instant at, Instant shipBy) {
		return orderPlaced(customerId, orderId, at, shipBy, shipBy.plusSeconds(5 * 86400));
	}

	static String orderPlaced(String customerId, String orderId, Instant at, Instant shipBy, Instant promisedBy) {
		return "{\"id\":\"" + orderId + "-placed\",\"type\":\"order.placed\",\"time\":\"" + at + "\",\"customerId\":\""
				+ customerId + "\",\"orderId\":\"" + orderId + "\",\"data\":{\"shipBy\":\"" + shipBy
				+ "\",\"promisedBy\":\"" + promisedBy + "\"}}";
	}

	static String orderEvent(String customerId, String orderId, String type, Instant at, String data) {
		return "{\"id\":\"" + orderId + "-" + type + "\",\"type\":\"" + type + "\",\"time\":\"" + at
				+ "\",\"customerId\":\"" + customerId + "\",\"orderId\":\"" + orderId + "\",\"data\":" + data + "}";
	}
}
