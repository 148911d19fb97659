package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.json;

/** Stored state that cannot be read back (damaged, or written before today's limits) never stops the customer. */
class UnreadableStateTest {

	@TempDir
	Path data;

	@Test
	void stateThatCannotBeReadIsFoldedAgainFromTheStoredEvents() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			app.post("/api/events", "[" + customer("damaged-1", now, true) + ","
					+ LiveEvents.orderPlaced("damaged-1", "damaged-1-o", now, now.plus(Duration.ofDays(1)),
							now.plus(Duration.ofDays(5))) + "]");
			// a new revision, as any write of another instance gives it: the state the lane kept is not used
			app.bean(JdbcClient.class).sql("update customer_state set state = ?, revision = revision + 1 "
					+ "where customer_id = ?")
				.params("{\"customer\": {\"customerId\": \"damaged-1\", ", "damaged-1").update();

			// two events of the customer in one batch: both are stored before the first is folded in
			JsonNode answer = json(app.post("/api/events", "[" + IntakeGuardTest.activity("damaged-1", "damaged-1-a",
					now) + "," + IntakeGuardTest.activity("damaged-1", "damaged-1-b", now.plusSeconds(1)) + "]")
				.body()).get("results");

			assertThat(answer).extracting(result -> result.get("status").asString()).containsExactly("ACCEPTED",
					"ACCEPTED");
			String state = app.bean(JdbcClient.class).sql("select state from customer_state where customer_id = ?")
				.param("damaged-1").query(String.class).single();
			assertThat(state).contains("damaged-1@customers.example", "damaged-1-o", "logins");
			// each is folded in once: neither also as one of the stored events the state is folded again from
			assertThat(state.split("\"value\":3.0", -1)).hasSize(3);
		}
	}
}
