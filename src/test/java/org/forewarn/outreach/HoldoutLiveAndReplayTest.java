package org.forewarn.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.forewarn.ForewarnApp;
import org.forewarn.replay.ReplayCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same customer is in the same group live, after a restart on the same database, and in a replay of the same
 * events: each customer's emails are all HELD_OUT or all SENT, exactly as the keyed hash of their id places them.
 */
class HoldoutLiveAndReplayTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int CUSTOMERS = 40;
	private static final String[] SETTINGS = { "--forewarn.rules=src/test/resources/guardrail-rules",
			"--forewarn.holdout.percent=30", "--forewarn.holdout.salt=restart-experiment",
			"--forewarn.holdout.key=restart-test-key" };

	@TempDir
	Path data;

	@TempDir
	Path work;

	@Test
	void aCustomerKeepsTheirGroupAcrossARestartAndInAReplay() throws Exception {
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> before = new ArrayList<>();
		List<String> after = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			String c = "stable-" + i;
			before.add(customer(c, t, "UTC", "en", true, false));
			before.add(order(c, c + "-1", t, "email", t.plus(Duration.ofDays(5))));
			after.add(order(c, c + "-2", t.plus(Duration.ofSeconds(1)), "email", t.plus(Duration.ofDays(5))));
		}
		Map<String, String> live = new TreeMap<>();
		try (ForewarnApp first = ForewarnApp.start(data, SETTINGS)) {
			assertThat(first.post("/api/events", "[" + String.join(",", before) + "]").statusCode()).isEqualTo(200);
			live.putAll(settled(first, CUSTOMERS));
		}
		try (ForewarnApp restarted = ForewarnApp.start(data, SETTINGS)) {
			assertThat(restarted.post("/api/events", "[" + String.join(",", after) + "]").statusCode())
				.isEqualTo(200);
			live.putAll(settled(restarted, 2 * CUSTOMERS));
		}
		Path events = work.resolve("events.jsonl");
		List<String> all = new ArrayList<>(before);
		all.addAll(after);
		Files.write(events, all);
		Path out = work.resolve("out");
		String[] replayArgs = new String[SETTINGS.length + 3];
		replayArgs[0] = events.toString();
		replayArgs[1] = "--out";
		replayArgs[2] = out.toString();
		System.arraycopy(SETTINGS, 0, replayArgs, 3, SETTINGS.length);
		// the same rule with an id: a replay refuses rules validate would reject
		replayArgs[3] = "--forewarn.rules=src/test/resources/replayed-rules";

		assertThat(ReplayCommand.run(replayArgs)).isZero();

		Map<String, String> replayed = new TreeMap<>();
		for (String line : Files.readAllLines(out.resolve("outreach.jsonl"))) {
			JsonNode record = JSON.readTree(line);
			replayed.put(record.get("orderId").asString(), record.get("status").asString());
		}
		assertThat(replayed).isEqualTo(live);
		int heldOut = 0;
		for (int i = 0; i < CUSTOMERS; i++) {
			String c = "stable-" + i;
			String expected = HoldoutGroups.place("restart-test-key", "restart-experiment", c) < 30 ? "HELD_OUT"
					: "SENT";
			assertThat(live.get(c + "-1")).as(c).isEqualTo(expected);
			assertThat(live.get(c + "-2")).as(c + " after the restart").isEqualTo(expected);
			heldOut += expected.equals("HELD_OUT") ? 1 : 0;
		}
		assertThat(heldOut).isBetween(1, CUSTOMERS - 1);
	}

	/** Waits until this many records have left SCHEDULED; answers order id to status. */
	private static Map<String, String> settled(ForewarnApp app, int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Map<String, String> statuses = new TreeMap<>();
		while (System.nanoTime() < deadline) {
			statuses.clear();
			for (JsonNode record : JSON.readTree(app.get("/api/outreach").body())) {
				statuses.put(record.get("orderId").asString(), record.get("status").asString());
			}
			if (statuses.size() >= count && !statuses.containsValue("SCHEDULED")) {
				return statuses;
			}
			Thread.sleep(200);
		}
		return fail("expected " + count + " settled outreach records within 60 s, got " + statuses);
	}
}
