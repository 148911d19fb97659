package org.forewarn.engine;

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
import static org.forewarn.engine.LiveEvents.await;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.json;
import static org.forewarn.engine.LiveEvents.orderPlaced;

/**
 * History that arrives late (a backfill, a consumer catching up) still updates state and detections, but what it
 * decides is not sent when its trigger is too old, and nothing is ever sent after its deadline.
 */
class LateEventsTest {

	@TempDir
	static Path data;

	static ForewarnApp app;

	@BeforeAll
	static void start() {
		app = ForewarnApp.start(data);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void outreachDecidedFromABackfilledOrderIsStaleAndNotSent() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// placed six days ago, due at the carrier five days ago, promised for three days ago
		app.post("/api/events", "[" + customer("late-1", now.minus(Duration.ofDays(7)), true) + ","
				+ orderPlaced("late-1", "late-1-o", now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(5)),
						now.minus(Duration.ofDays(3))) + "]");

		JsonNode expired = await(app, "/api/outreach?customerId=late-1&status=EXPIRED", 2);

		for (JsonNode o : expired) {
			assertThat(o.get("statusReason").asString()).startsWith("stale: decided from an event ")
				.contains("more than 48 hours");
		}
		assertThat(expired).extracting(o -> o.get("problem").asString())
			.containsExactlyInAnyOrder("order.not_shipped", "shipment.late");
		assertThat(json(app.get("/api/outreach?customerId=late-1&status=SENT").body())).isEmpty();
		assertThat(app.get("/api/customers/late-1/timeline").body()).contains("stale: decided from an event");
	}

	@Test
	void aTimelyEventAboutAProblemThatStillLastsIsActedOn() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		app.post("/api/events", "[" + customer("late-2", now.minus(Duration.ofDays(7)), true) + ","
				+ orderPlaced("late-2", "late-2-o", now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(5)),
						now.plus(Duration.ofDays(3))) + "]");
		await(app, "/api/outreach?customerId=late-2&status=EXPIRED", 1);

		app.post("/api/events", "{\"id\":\"late-2-paid\",\"type\":\"order.paid\",\"time\":\"" + now
				+ "\",\"customerId\":\"late-2\",\"orderId\":\"late-2-o\"}");

		JsonNode sent = await(app, "/api/outreach?customerId=late-2&status=SENT", 1);
		assertThat(sent.get(0).get("problem").asString()).isEqualTo("order.not_shipped");
	}

	@Test
	void aMessageIsNeverSentAfterItsDeadline() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// placed 30 hours ago (not stale), promised two hours ago: the late notice was due a day before the promise
		app.post("/api/events", "[" + customer("late-3", now.minus(Duration.ofDays(2)), true) + ","
				+ orderPlaced("late-3", "late-3-o", now.minus(Duration.ofHours(30)), now.plus(Duration.ofDays(1)),
						now.minus(Duration.ofHours(2))) + "]");

		JsonNode expired = await(app, "/api/outreach?customerId=late-3&status=EXPIRED", 1).get(0);

		assertThat(expired.get("problem").asString()).isEqualTo("shipment.late");
		assertThat(expired.get("statusReason").asString())
			.startsWith("past its deadline " + now.minus(Duration.ofHours(26)));
		assertThat(expired.has("sentAt") && !expired.get("sentAt").isNull()).isFalse();
		assertThat(app.get("/api/customers/late-3/timeline").body()).contains("past its deadline");
	}
}
