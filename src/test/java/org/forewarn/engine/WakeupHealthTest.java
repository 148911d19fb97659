package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.forewarn.ForewarnApp;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.json;

/**
 * The wakeups indicator goes DOWN with a reason when wakeups wait past their time (the scheduler stopped) or fire
 * later than allowed, and UP again after; the pending gauge counts what waits; readiness is not affected. A wakeup
 * asked for when its time had passed already is late only from then.
 */
class WakeupHealthTest {

	@TempDir
	Path data;

	@Test
	void wakeupsWaitingOrFiringTooLateTurnTheIndicatorDown() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false",
				"--forewarn.health.interval=PT0.3S", "--forewarn.health.wakeups.max-lateness=PT2S")) {
			awaitWakeups(app, health -> "UP".equals(health.get("status").asString()));
			WakeupPoller poller = app.bean(WakeupPoller.class);
			poller.standby();
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			app.post("/api/events", customer("wh-1", now, true));
			// a wakeup due now that nothing fires, as during an outage of the scheduler
			app.bean(WakeupScheduler.class).schedule(new Wakeup("wh-1", now, null, "test"));
			JsonNode waiting = awaitWakeups(app, health -> "DOWN".equals(health.get("status").asString()));
			assertThat(waiting.get("details").get("reason").asString())
				.startsWith("the oldest of ").contains("waiting wakeups is PT", "max-lateness (PT2S)",
						"the scheduler is not firing them");
			assertThat(waiting.get("details").get("pending").asLong()).isPositive();
			assertThat(metric(app, "forewarn_wakeups_pending")).isGreaterThanOrEqualTo(1);
			assertThat(metric(app, "forewarn_wakeups_overdue_seconds")).isGreaterThan(2);
			assertThat(app.anonymous().get("/actuator/health/readiness").statusCode())
				.as("late wakeups do not take the instance out of readiness").isEqualTo(200);

			poller.resume();
			// the waiting one is gone; its late firing is reported for max-lateness, then all is well
			JsonNode fired = awaitWakeups(app, health -> health.get("details").get("reason") != null
					&& health.get("details").get("reason").asString().startsWith("a wakeup fired"));
			assertThat(fired.get("status").asString()).isEqualTo("DOWN");
			assertThat(fired.get("details").get("reason").asString()).contains("after its time at ",
					"more than forewarn.health.wakeups.max-lateness (PT2S)");
			JsonNode back = awaitWakeups(app, health -> "UP".equals(health.get("status").asString()));
			assertThat(back.get("details").get("oldestOverdue").asString()).isEqualTo("PT0S");
			assertThat(metric(app, "forewarn_wakeups_overdue_seconds")).isZero();
		}
	}

	@Test
	void aWakeupAskedForAlreadyPastItsTimeIsLateOnlyFromThen() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false",
				"--forewarn.health.interval=PT0.3S", "--forewarn.health.wakeups.max-lateness=PT2S")) {
			awaitWakeups(app, health -> "UP".equals(health.get("status").asString()));
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			app.post("/api/events", customer("wh-2", now, true));
			// a rule's wakeup decided from an event two days late: due long ago, but late only from now
			app.bean(WakeupScheduler.class).schedule(new Wakeup("wh-2", now.minus(Duration.ofDays(2)), null, "test"));
			JdbcClient db = JdbcClient.create(app.bean(DataSource.class));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (waitingOf(db, "wh-2") > 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(waitingOf(db, "wh-2")).as("fired").isZero();

			for (int look = 0; look < 10; look++) { // the indicator is checked every 0.3 s; a late firing shows for 2 s
				assertThat(json(app.get("/actuator/health").body()).get("components").get("wakeups").get("status")
					.asString()).isEqualTo("UP");
				Thread.sleep(150);
			}
		}
	}

	private static long waitingOf(JdbcClient db, String customerId) {
		return db.sql("select count(*) from wakeup where customer_id = ?").param(customerId).query(Long.class).single();
	}

	private static JsonNode awaitWakeups(ForewarnApp app, Predicate<JsonNode> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		JsonNode wakeups = null;
		while (System.nanoTime() < deadline) {
			wakeups = json(app.get("/actuator/health").body()).get("components").get("wakeups");
			if (wakeups != null && condition.test(wakeups)) {
				return wakeups;
			}
			Thread.sleep(100);
		}
		return fail("wakeups health not as expected within 30 s; last " + wakeups);
	}

	private static double metric(ForewarnApp app, String name) throws Exception {
		return app.get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(name + " ")
				|| line.startsWith(name + "{")).mapToDouble(line -> Double.parseDouble(line.substring(
						line.lastIndexOf(' ') + 1))).sum();
	}
}
