package org.forewarn.engine;

import java.time.Instant;

import org.forewarn.ForewarnApp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.fail;

/** Event JSON for tests against a live server, and waiting for what its timers do. */
final class LiveEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LiveEvents() {
	}

	static String customer(String customerId, Instant at, boolean emailConsent) {
		return "{\"id\":\"" + customerId + "-profile\",\"type\":\"customer.updated\",\"time\":\"" + at
				+ "\",\"customerId\":\"" + customerId + "\",\"data\":{\"email\":\"" + customerId
				+ "@customers.example\",\"name\":\"Ana\",\"consent\":{\"email\":" + emailConsent + "}}}";
	}

	static String orderPlaced(String customerId, String orderId, Instant at, Instant shipBy, Instant promisedBy) {
		return "{\"id\":\"" + orderId + "-placed\",\"type\":\"order.placed\",\"time\":\"" + at + "\",\"customerId\":\""
				+ customerId + "\",\"orderId\":\"" + orderId + "\",\"data\":{\"shipBy\":\"" + shipBy
				+ "\",\"promisedBy\":\"" + promisedBy + "\"}}";
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/** Polls a listing until it has {@code count} items (timers fire on Quartz threads), for up to 30 s. */
	static JsonNode await(ForewarnApp app, String path, int count) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		JsonNode items = null;
		while (System.nanoTime() < deadline) {
			items = json(app.get(path).body());
			if (items.size() >= count) {
				return items;
			}
			Thread.sleep(200);
		}
		return fail("expected " + count + " items at " + path + " within 30 s, got " + items);
	}
}
