package org.forewarn.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that arrives after the rules decided for the customer at a later moment (here at a wakeup) is reasoned
 * about at that moment: an unrelated late event does not call off the notice the wakeup decided; a late delivery
 * does.
 */
class LateEventReasoningTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void anUnrelatedLateEventLeavesTheNoticeAndALateDeliveryCallsItOff() throws Exception {
		// the late-delivery wakeup decides the notice at 03-08 12:00; another customer's event takes the clock to 13:00
		JsonNode afterActivity = notice("{\"id\":\"e5\",\"type\":\"account.activity\","
				+ "\"time\":\"2026-03-08T11:00:00Z\",\"customerId\":\"c1\",\"data\":{\"metric\":\"logins\",\"value\":3}}");
		JsonNode afterDelivery = notice("{\"id\":\"e5\",\"type\":\"order.delivered\",\"time\":\"2026-03-08T11:00:00Z\","
				+ "\"customerId\":\"c1\",\"orderId\":\"o1\",\"data\":{}}");

		assertThat(afterActivity.get("status").asString()).isEqualTo("SENT");
		assertThat(afterDelivery.get("status").asString() + " " + afterDelivery.get("statusReason").asString())
			.isEqualTo("CANCELLED resolved: order.delivered");
	}

	private JsonNode notice(String lateEvent) throws Exception {
		Path dir = Files.createTempDirectory(work, "run");
		Path events = Files.write(dir.resolve("events.jsonl"), List.of(
				"{\"id\":\"e1\",\"type\":\"customer.updated\",\"time\":\"2026-03-01T09:00:00Z\",\"customerId\":\"c1\","
						+ "\"data\":{\"email\":\"ana@example.com\",\"timeZone\":\"UTC\",\"consent\":{\"email\":true}}}",
				"{\"id\":\"e2\",\"type\":\"order.placed\",\"time\":\"2026-03-02T10:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{\"shipBy\":\"2026-03-03T10:00:00Z\","
						+ "\"promisedBy\":\"2026-03-10T00:00:00Z\"}}",
				"{\"id\":\"e3\",\"type\":\"order.shipped\",\"time\":\"2026-03-03T08:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{\"carrier\":\"dhl\"}}",
				"{\"id\":\"e4\",\"type\":\"account.activity\",\"time\":\"2026-03-08T13:00:00Z\",\"customerId\":\"c2\","
						+ "\"data\":{\"metric\":\"logins\",\"value\":1}}",
				lateEvent,
				"{\"id\":\"e6\",\"type\":\"account.activity\",\"time\":\"2026-03-12T00:00:00Z\",\"customerId\":\"c2\","
						+ "\"data\":{\"metric\":\"logins\",\"value\":1}}"));

		assertThat(ReplayCommand.run(new String[] { events.toString(), "--out", dir.resolve("out").toString() }))
			.isZero();

		List<JsonNode> notices = Files.readAllLines(dir.resolve("out/outreach.jsonl")).stream()
			.map(JSON::readTree)
			.filter(o -> o.get("rule").asString().equals("shipment-late-notice"))
			.toList();
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).get("decidedAt").asString()).isEqualTo("2026-03-08T12:00:00Z");
		return notices.get(0);
	}
}
