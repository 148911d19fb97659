package org.forewarn.engine;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.json;

/**
 * Live intake refuses what it must never act on: events from the future, bodies and batches beyond the limits. And
 * an event's own time, however far ahead, never decides when a message goes out: the clock does.
 */
class IntakeGuardTest {

	@TempDir
	static Path data;
	@TempDir
	static Path lenientData;

	static ForewarnApp app;
	/** Accepts events stamped up to 40 days ahead, to show they still do not move sending. */
	static ForewarnApp lenient;

	@BeforeAll
	static void start() {
		app = ForewarnApp.start(data, "--forewarn.intake.max-request-size=8KB", "--forewarn.intake.max-batch=5");
		// a scheduler of its own: two Quartz schedulers of one name in one JVM would share one registry entry
		lenient = ForewarnApp.start(lenientData, "--forewarn.intake.max-clock-skew=P40D",
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=forewarn-lenient");
	}

	@AfterAll
	static void stop() {
		app.close();
		lenient.close();
	}

	@Test
	void anEventStampedAheadOfTheClockIsRejectedNamingTheField() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		waitingLateNotice(app, "skew-1", now);

		HttpResponse<String> future = app.post("/api/events", activity("skew-1", "skew-1-a", now.plus(Duration.ofDays(30))));
		HttpResponse<String> slightlyAhead = app.post("/api/events",
				activity("skew-1", "skew-1-b", now.plus(Duration.ofMinutes(2))));

		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(json(future.body()).get("results").get(0).get("reason").asString())
			.startsWith("time: " + now.plus(Duration.ofDays(30)))
			.contains("ahead of this server's clock", "forewarn.intake.max-clock-skew (PT5M)");
		assertThat(slightlyAhead.statusCode()).isEqualTo(202);
		assertThat(stillWaiting(app, "skew-1")).isTrue();
	}

	@Test
	void anEventFromTheFutureNeverReleasesAWaitingMessage() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		waitingLateNotice(lenient, "skew-2", now);

		HttpResponse<String> future = lenient.post("/api/events",
				activity("skew-2", "skew-2-a", now.plus(Duration.ofDays(30))));

		assertThat(future.statusCode()).isEqualTo(202);
		assertThat(stillWaiting(lenient, "skew-2")).isTrue();
		for (JsonNode o : json(lenient.get("/api/outreach?customerId=skew-2").body())) {
			assertThat(o.has("sentAt") && !o.get("sentAt").isNull()
					&& Instant.parse(o.get("sentAt").asString()).isAfter(Instant.now())).isFalse();
		}
	}

	@Test
	void aBodyOverTheSizeLimitIs413AndABatchOverTheLengthLimitIs400() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		StringBuilder big = new StringBuilder("[");
		for (int i = 0; i < 80; i++) {
			big.append(i == 0 ? "" : ",").append(activity("size-1", "size-1-" + i, now));
		}
		String six = "[" + String.join(",", java.util.stream.IntStream.range(0, 6)
			.mapToObj(i -> activity("size-2", "size-2-" + i, now)).toList()) + "]";

		HttpResponse<String> tooLarge = app.post("/api/events", big.append("]").toString());
		HttpResponse<String> tooLong = app.post("/api/events", six);

		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(json(tooLarge.body()).get("results").get(0).get("reason").asString())
			.startsWith("body: larger than forewarn.intake.max-request-size (8192 bytes)");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(json(tooLong.body()).get("results").get(0).get("reason").asString())
			.startsWith("events: 6 events in one request, more than forewarn.intake.max-batch (5)");
		assertThat(json(app.get("/api/customers/size-1/timeline").body()).toString()).doesNotContain("size-1-0");
	}

	@Test
	void anExternalEventCannotPoseAsATimer() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> forged = app.post("/api/events", "{\"id\":\"t1\",\"type\":\"timer.fired\",\"time\":\""
				+ now + "\",\"customerId\":\"forge-1\",\"data\":{\"label\":\"promise check\"}}");
		HttpResponse<String> reservedId = app.post("/api/events", activity("forge-1", "timer-0000000000", now));

		assertThat(json(forged.body()).get("results").get(0).get("reason").asString())
			.isEqualTo("type: unknown event type 'timer.fired'");
		assertThat(json(reservedId.body()).get("results").get(0).get("reason").asString())
			.startsWith("id: the prefix 'timer-' is reserved");
	}

	/** A late notice that waits until a day before the promise, six hours from now. */
	private static void waitingLateNotice(ForewarnApp server, String customerId, Instant now) throws Exception {
		server.post("/api/events", "[" + customer(customerId, now, true) + "," + LiveEvents.orderPlaced(customerId,
				customerId + "-o", now, now.plus(Duration.ofDays(1)), now.plus(Duration.ofHours(30))) + "]");
		assertThat(stillWaiting(server, customerId)).isTrue();
	}

	private static boolean stillWaiting(ForewarnApp server, String customerId) throws Exception {
		JsonNode late = json(server.get("/api/outreach?customerId=" + customerId + "&status=SCHEDULED").body());
		boolean waiting = false;
		for (JsonNode o : late) {
			waiting |= o.get("problem").asString().equals("shipment.late");
		}
		return waiting && json(server.get("/api/outreach?customerId=" + customerId + "&status=SENT").body()).isEmpty();
	}

	static String activity(String customerId, String eventId, Instant at) {
		return "{\"id\":\"" + eventId + "\",\"type\":\"account.activity\",\"time\":\"" + at + "\",\"customerId\":\""
				+ customerId + "\",\"data\":{\"metric\":\"logins\",\"value\":3}}";
	}
}
