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
 * does. What such an event makes the rules decide is still as old as the event itself.
 */
class LateEventReasoningTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String ANA = "{\"id\":\"e1\",\"type\":\"customer.updated\",\"time\":\"2026-03-01T09:00:00Z\","
			+ "\"customerId\":\"c1\",\"data\":{\"email\":\"ana@example.com\",\"timeZone\":\"UTC\","
			+ "\"consent\":{\"email\":true}}}";

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

	@Test
	void outreachFromALateEventIsAsStaleAsTheEventWhereverItIsReasonedAbout() throws Exception {
		// c1 asked to cancel on 03-10 (a follow-up decided then), and only then did a payment failure of 03-05 arrive
		JsonNode afterADecision = paymentNotice("c1");
		JsonNode alone = paymentNotice("c2");

		String stale = "EXPIRED stale: decided from an event 120 hours old (2026-03-05T10:00:00Z), more than 48 hours";
		assertThat(afterADecision.get("status").asString() + " " + afterADecision.get("statusReason").asString())
			.isEqualTo(stale);
		assertThat(afterADecision.get("explanation").asString()).contains(
				"decided on event order.payment_failed e4 of 2026-03-05T10:00:00Z, reasoned about at 2026-03-10T10:00:00Z");
		assertThat(alone.get("status").asString() + " " + alone.get("statusReason").asString()).isEqualTo(stale);
	}

	@Test
	void aLateEventsWakeupsSinceItsOwnTimeStillFireAndDecideAtTheirTime() throws Exception {
		// c1 asked to cancel at 11:00 on 03-10 (a follow-up decided then); only then came an order placed on 03-07
		// whose handoff deadline (03-08) passed: its handoff check of 03-09 fires at once and its notice goes out
		Path dir = Files.createTempDirectory(work, "run");
		Path events = Files.write(dir.resolve("events.jsonl"), List.of(
				ANA,
				"{\"id\":\"e2\",\"type\":\"account.cancel_requested\",\"time\":\"2026-03-10T11:00:00Z\","
						+ "\"customerId\":\"c1\",\"data\":{\"reason\":\"price\"}}",
				"{\"id\":\"e3\",\"type\":\"order.placed\",\"time\":\"2026-03-07T12:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{\"shipBy\":\"2026-03-08T00:00:00Z\","
						+ "\"promisedBy\":\"2026-03-20T00:00:00Z\"}}",
				"{\"id\":\"e4\",\"type\":\"account.activity\",\"time\":\"2026-03-10T12:00:00Z\",\"customerId\":\"c2\","
						+ "\"data\":{\"metric\":\"logins\",\"value\":1}}"));

		List<String> notices = recordsOf("order-not-shipped-notice", events, dir).stream()
			.map(o -> o.get("status").asString())
			.toList();
		assertThat(notices).as("the stale decision at the event, then the timely one at its handoff check")
			.containsExactlyInAnyOrder("EXPIRED", "SENT");
	}

	/** The hard decline's notice when the late failure comes after a cancel request of {@code whoAskedToCancel}. */
	private JsonNode paymentNotice(String whoAskedToCancel) throws Exception {
		Path dir = Files.createTempDirectory(work, "run");
		Path events = Files.write(dir.resolve("events.jsonl"), List.of(
				ANA,
				"{\"id\":\"e2\",\"type\":\"order.placed\",\"time\":\"2026-03-01T10:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{}}",
				"{\"id\":\"e3\",\"type\":\"account.cancel_requested\",\"time\":\"2026-03-10T10:00:00Z\","
						+ "\"customerId\":\"" + whoAskedToCancel + "\",\"data\":{\"reason\":\"price\"}}",
				"{\"id\":\"e4\",\"type\":\"order.payment_failed\",\"time\":\"2026-03-05T10:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{\"hard\":true}}"));

		return onlyRecordOf("payment-failed-hard", events, dir);
	}

	private JsonNode notice(String lateEvent) throws Exception {
		Path dir = Files.createTempDirectory(work, "run");
		Path events = Files.write(dir.resolve("events.jsonl"), List.of(
				ANA,
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

		JsonNode notice = onlyRecordOf("shipment-late-notice", events, dir);
		assertThat(notice.get("decidedAt").asString()).isEqualTo("2026-03-08T12:00:00Z");
		return notice;
	}

	/** Replays the events into {@code dir}: the one outreach record of the rule. */
	private static JsonNode onlyRecordOf(String rule, Path events, Path dir) throws Exception {
		List<JsonNode> records = recordsOf(rule, events, dir);
		assertThat(records).hasSize(1);
		return records.get(0);
	}

	/** Replays the events into {@code dir}: the rule's outreach records. */
	private static List<JsonNode> recordsOf(String rule, Path events, Path dir) throws Exception {
		assertThat(ReplayCommand.run(new String[] { events.toString(), "--out", dir.resolve("out").toString() }))
			.isZero();

		return Files.readAllLines(dir.resolve("out/outreach.jsonl")).stream()
			.map(JSON::readTree)
			.filter(o -> o.get("rule").asString().equals(rule))
			.toList();
	}
}
