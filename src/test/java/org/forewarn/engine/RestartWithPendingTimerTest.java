package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.await;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.json;
import static org.forewarn.engine.LiveEvents.orderPlaced;

/** A timer pending when Forewarn stops is kept in the database and fires after the restart, exactly once. */
class RestartWithPendingTimerTest {

	@TempDir
	Path data;

	@Test
	void aTimerDueWhileStoppedFiresAfterRestart() throws Exception {
		Instant now;
		try (ForewarnApp first = ForewarnApp.start(data)) {
			now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			// the handoff check is due one day after shipBy: here 3 seconds from now, after this app has stopped
			Instant shipBy = now.minus(Duration.ofDays(1)).plusSeconds(3);
			first.post("/api/events", "[" + customer("restart-1", now, true) + ","
					+ orderPlaced("restart-1", "restart-1-o", now, shipBy, now.plus(Duration.ofDays(7))) + "]");
			assertThat(json(first.get("/api/outreach?customerId=restart-1").body())).isEmpty();
		}
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), now.plusSeconds(4)).toMillis()));

		try (ForewarnApp second = ForewarnApp.start(data)) {
			// the record is committed before it is sent: wait for the send, not only the record
			JsonNode sent = await(second, "/api/outreach?customerId=restart-1&status=SENT", 1);

			assertThat(sent).hasSize(1);
			assertThat(sent.get(0).get("problem").asString()).isEqualTo("order.not_shipped");
			assertThat(sent.get(0).get("status").asString()).isEqualTo("SENT");
			assertThat(sent.get(0).get("decidedAt").asString()).isEqualTo(now.plusSeconds(3).toString());
			Thread.sleep(1500); // room for a second, wrong firing to show up
			assertThat(json(second.get("/api/outreach?customerId=restart-1").body())).hasSize(1);
		}
	}
}
