package org.forewarn.brake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.ForewarnApp;
import org.forewarn.TestEvents;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A carrier outage: 1,000 shipment.exception events (address problems, an email each under the shipped rules) at
 * once, on the real clock with Quartz and real SMTP. The hourly ceiling holds, the rest waits for review, the email
 * rate toward SMTP is respected (measured where the mail arrives), and every event is accounted for.
 */
class StormBurstTest {

	private static final int CUSTOMERS = 1000;
	/** Low enough that the provider rate, not this machine's speed, paces the sends. */
	private static final int CEILING = 30;
	private static final int RATE = 3;
	private static final String RULE = "shipment-exception-address";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@TempDir
	Path data;

	@Test
	void aBurstOfExceptionsStopsAtTheCeilingAtTheProvidersRateAndLosesNothing() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false",
				"--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.links.public-url=http://forewarn.test", "--forewarn.links.secret=test-secret",
				"--forewarn.brake.hourly-ceiling=" + CEILING, "--forewarn.brake.rate.email=" + RATE,
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=storm-burst")) {
			Instant now = Instant.now();
			post(app, i -> TestEvents.customer("storm-" + i, now.minus(Duration.ofMinutes(10)), "UTC", "en", true,
					false));
			assertThat(greenMail.getReceivedMessages()).isEmpty();

			List<Long> arrivals = new CopyOnWriteArrayList<>();
			Thread watcher = watch(arrivals);
			post(app, i -> TestEvents.simple("storm-" + i + "-exception", "shipment.exception",
					now.minus(Duration.ofMinutes(1)), "storm-" + i, "storm-" + i + "-o",
					"{\"code\":\"address_issue\",\"description\":\"street unknown\"}"));

			Map<OutreachStatus, Integer> statuses = settled(app);
			watcher.interrupt();
			watcher.join();

			// nothing lost: one record per event, each sent or waiting for a person
			assertThat(statuses).containsOnlyKeys(OutreachStatus.SENT, OutreachStatus.PENDING_REVIEW);
			assertThat(statuses.get(OutreachStatus.SENT)).isEqualTo(CEILING);
			assertThat(statuses.get(OutreachStatus.PENDING_REVIEW)).isEqualTo(CUSTOMERS - CEILING);
			assertThat(greenMail.getReceivedMessages()).hasSize(CEILING);
			assertThat(arrivals).hasSize(CEILING);
			// which ones the ceiling lets through depends on the lanes' timing, not on the order of the events
			Outreach held = IntStream.range(0, CUSTOMERS)
				.mapToObj(i -> app.bean(OutreachStore.class).findByCustomer("storm-" + i).get(0))
				.filter(o -> o.status() == OutreachStatus.PENDING_REVIEW)
				.findFirst().orElseThrow();
			assertThat(held.rule()).isEqualTo(RULE);
			assertThat(held.statusReason()).startsWith("above the hourly ceiling (" + CEILING + " per hour)");

			// the provider's rate: in no second more than two of the limiter's periods' worth, and all of it spread
			// over at least the periods it needs. Sends that found no turn within max-wait were put back and went out
			// later: none failed, none is missing.
			for (int i = 0; i + 2 * RATE < arrivals.size(); i++) {
				assertThat(arrivals.get(i + 2 * RATE) - arrivals.get(i)).as("ms for %d mails from mail %d",
						2 * RATE + 1, i).isGreaterThanOrEqualTo(1000);
			}
			long spread = arrivals.get(arrivals.size() - 1) - arrivals.get(0);
			assertThat(spread).as("ms from the first mail to the last").isGreaterThanOrEqualTo(
					(CEILING / RATE - 2) * 1000L);
			MeterRegistry meters = app.bean(MeterRegistry.class);
			System.out.printf("Storm: %d events, %d sent over %d ms (%.1f per second), %d waiting for review, "
					+ "%.0f sends put back by the rate%n", CUSTOMERS, arrivals.size(), spread,
					(arrivals.size() - 1) * 1000.0 / spread, statuses.get(OutreachStatus.PENDING_REVIEW),
					meters.find("forewarn.brake.held").tag("kind", "rate").counters().stream()
						.mapToDouble(c -> c.count()).sum());

			assertThat(meters.get("forewarn.brake.held").tag("kind", "ceiling").tag("channel", "email").counter()
				.count()).isEqualTo(CUSTOMERS - CEILING);
		}
	}

	/** Posts one event per customer in one request; every one must be accepted. */
	private static void post(ForewarnApp app, IntFunction<String> event) throws Exception {
		List<String> events = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			events.add(event.apply(i));
		}
		JsonNode answer = JSON.readTree(app.post("/api/events", "[" + String.join(",", events) + "]").body());
		assertThat(answer.get("accepted").asInt()).as(answer.toString()).isEqualTo(CUSTOMERS);
	}

	/** Waits until no storm outreach is SCHEDULED any more (sends put back by the rate go out after a moment). */
	private static Map<OutreachStatus, Integer> settled(ForewarnApp app) throws InterruptedException {
		OutreachStore store = app.bean(OutreachStore.class);
		long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			Map<OutreachStatus, Integer> statuses = new EnumMap<>(OutreachStatus.class);
			int records = 0;
			for (int i = 0; i < CUSTOMERS; i++) {
				for (Outreach o : store.findByCustomer("storm-" + i)) {
					statuses.merge(o.status(), 1, Integer::sum);
					records++;
				}
			}
			if (records == CUSTOMERS && !statuses.containsKey(OutreachStatus.SCHEDULED)) {
				return statuses;
			}
			assertThat(System.nanoTime()).as("settled within 3 minutes: " + statuses).isLessThan(until);
			Thread.sleep(500);
		}
	}

	/** Notes the moment each mail arrives at GreenMail, to the few milliseconds it polls at. */
	private static Thread watch(List<Long> arrivals) {
		Thread watcher = new Thread(() -> {
			int seen = 0;
			while (!Thread.currentThread().isInterrupted()) {
				int now = greenMail.getReceivedMessages().length;
				long at = System.currentTimeMillis();
				for (; seen < now; seen++) {
					arrivals.add(at);
				}
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "storm-mail-watcher");
		watcher.start();
		return watcher;
	}
}
