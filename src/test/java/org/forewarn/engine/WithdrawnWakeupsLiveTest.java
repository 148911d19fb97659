package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.orderPlaced;

/**
 * Live, the wakeups the shipped rules ask for leave the wakeup table once the rules no longer ask for them: the
 * handoff check when the order ships, the promise check when it is delivered, also after a restart in between (what
 * was asked for is kept with the customer's state), and within one share on H2 and on PostgreSQL.
 */
class WithdrawnWakeupsLiveTest {

	@TempDir
	Path data;

	@Test
	void theChecksOfAnOrderLeaveWhenItShipsAndWhenItIsDelivered() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			app.post("/api/events", "[" + customer("ww-1", now, true) + ","
					+ orderPlaced("ww-1", "ww-1-o", now, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(10)))
					+ "]");
			assertThat(waiting(app)).containsExactly("handoff deadline", "promise check");

			app.post("/api/events", event("ww-1-shipped", "order.shipped", now.plusSeconds(1), "{\"carrier\":\"dhl\"}"));
			assertThat(waiting(app)).containsExactly("promise check");
		}
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			app.post("/api/events", event("ww-1-delivered", "order.delivered", now.plusSeconds(2), "{}"));

			assertThat(waiting(app)).isEmpty();
		}
	}

	@Test
	void aCheckAskedForAndWithdrawnInOneShareIsNotStoredOnEitherDatabase() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String share = "[" + customer("ww-1", now, true) + ","
				+ orderPlaced("ww-1", "ww-1-o", now, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(10)))
				+ "," + event("ww-1-shipped", "order.shipped", now.plusSeconds(1), "{\"carrier\":\"dhl\"}") + "]";
		try (ForewarnApp app = ForewarnApp.start(data.resolve("h2"), "--forewarn.rules-watch.enabled=false")) {
			app.post("/api/events", share);
			assertThat(waiting(app)).containsExactly("promise check");
		}
		// PostgreSQL inserts a share's wakeups as it commits: the withdrawn one must not be among them
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				ForewarnApp app = ForewarnApp.start(data.resolve("pg"), "--forewarn.rules-watch.enabled=false",
						"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.datasource.password=")) {
			app.post("/api/events", share);
			assertThat(waiting(app)).containsExactly("promise check");
		}
	}

	private static String event(String id, String type, Instant at, String data) {
		return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + at
				+ "\",\"customerId\":\"ww-1\",\"orderId\":\"ww-1-o\",\"data\":" + data + "}";
	}

	private static List<String> waiting(ForewarnApp app) {
		return JdbcClient.create(app.bean(DataSource.class))
			.sql("select label from wakeup where customer_id = 'ww-1' order by due_at").query(String.class).list();
	}
}
