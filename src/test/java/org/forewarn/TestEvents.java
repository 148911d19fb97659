package org.forewarn;

import java.time.Instant;

/** Event JSON for tests, one line each, as a replay file or an HTTP body would carry it. */
public final class TestEvents {

	private TestEvents() {
	}

	/** A customer with contact details, zone, locale and consent for both channels. */
	public static String customer(String id, Instant at, String zone, String locale, boolean email, boolean sms) {
		return customer(id + "-profile-" + at.toEpochMilli(), id, at, zone, locale, email, sms);
	}

	public static String customer(String eventId, String id, Instant at, String zone, String locale, boolean email,
			boolean sms) {
		return "{\"id\":\"" + eventId + "\",\"type\":\"customer.updated\",\"time\":\"" + at + "\",\"customerId\":\""
				+ id + "\",\"data\":{\"email\":\"" + email(id) + "\",\"phone\":\"" + phone(id)
				+ "\",\"name\":\"Ana Souza\",\"timeZone\":\"" + zone + "\",\"locale\":\"" + locale
				+ "\",\"consent\":{\"email\":" + email + ",\"sms\":" + sms + "}}}";
	}

	/** The customer's email: the id, with what an address cannot hold (spaces, ';' and the like) as '_'. */
	public static String email(String customerId) {
		return customerId.strip().replaceAll("[\\s<>()\\[\\],;:\"@]", "_") + "@customers.example";
	}

	/** A stable E.164 number per customer id. */
	public static String phone(String customerId) {
		return "+1555" + String.format("%07d", Math.floorMod(customerId.hashCode(), 10_000_000));
	}

	/**
	 * An order whose {@code destinationRegion} picks a test rule in src/test/resources/guardrail-rules (for
	 * example "sms", "email", "review").
	 */
	public static String order(String customerId, String orderId, Instant at, String testRule, Instant promisedBy) {
		return "{\"id\":\"" + orderId + "-placed\",\"type\":\"order.placed\",\"time\":\"" + at
				+ "\",\"customerId\":\"" + customerId + "\",\"orderId\":\"" + orderId + "\",\"data\":{\"promisedBy\":\""
				+ promisedBy + "\",\"destinationRegion\":\"" + testRule + "\",\"total\":129.9,\"currency\":\"BRL\"}}";
	}

	public static String delivered(String customerId, String orderId, Instant at) {
		return simple(orderId + "-delivered", "order.delivered", at, customerId, orderId, "{}");
	}

	public static String ticket(String customerId, String type, String ticketId, Instant at) {
		return simple(ticketId + "-" + type, type, at, customerId, null, "{\"ticketId\":\"" + ticketId + "\"}");
	}

	public static String simple(String id, String type, Instant at, String customerId, String orderId,
			String data) {
		return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + at + "\",\"customerId\":\""
				+ customerId + "\"" + (orderId == null ? "" : ",\"orderId\":\"" + orderId + "\"") + ",\"data\":" + data
				+ "}";
	}
}
