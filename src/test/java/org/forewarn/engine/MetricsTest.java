package org.forewarn.engine;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.await;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.orderPlaced;

/** Forewarn's own meters move as events flow to sends and suppressions, and a scraper reads them. */
class MetricsTest {

	@TempDir
	Path data;

	@Test
	void eventsSendsSuppressionsWakeupsAndReloadsAreCounted() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			// shipBy passed 30 hours ago: the one-day grace has ended, so each wakeup is due at once
			for (String customerId : new String[] { "met-yes", "met-no" }) {
				app.post("/api/events", "[" + customer(customerId, now, customerId.equals("met-yes")) + ","
						+ orderPlaced(customerId, customerId + "-o", now.minus(Duration.ofDays(3)),
								now.minus(Duration.ofHours(30)), now.plus(Duration.ofDays(5))) + "]");
			}
			await(app, "/api/outreach?customerId=met-yes&status=SENT", 1);
			await(app, "/api/outreach?customerId=met-no&status=SUPPRESSED", 1);
			app.post("/api/events", "{\"id\":\"met-bad\",\"type\":\"order.paid\",\"time\":\"" + now + "\"}");
			app.post("/api/rules/reload", "");

			HttpCaller scraper = app.asNewUser("scraper", "metrics");
			HttpResponse<String> scraped = scraper.get("/actuator/prometheus");
			assertThat(scraped.statusCode()).isEqualTo(200);
			String text = scraped.body();
			assertThat(app.get("/actuator/prometheus").statusCode()).as("admin reads it too").isEqualTo(200);
			assertThat(scraper.get("/api/outreach").statusCode()).as("metrics role only scrapes").isEqualTo(403);

			assertThat(value(text, "forewarn_events_total", "type=\"order.placed\"", "outcome=\"accepted\""))
				.isEqualTo(2);
			assertThat(value(text, "forewarn_events_total", "type=\"timer.fired\"", "outcome=\"accepted\""))
				.isGreaterThanOrEqualTo(2);
			assertThat(value(text, "forewarn_event_processing_seconds_count", "type=\"customer.updated\""))
				.isEqualTo(2);
			assertThat(value(text, "forewarn_outreach_status_changes_total", "channel=\"email\"",
					"problem=\"order.not_shipped\"", "status=\"SENT\"")).isEqualTo(1);
			assertThat(value(text, "forewarn_outreach_status_changes_total", "channel=\"email\"",
					"status=\"SUPPRESSED\"")).isEqualTo(1);
			assertThat(value(text, "forewarn_sends_seconds_count", "channel=\"email\"", "outcome=\"sent\"",
					"code=\"none\"")).isEqualTo(1);
			assertThat(value(text, "forewarn_wakeups_lateness_seconds_count")).isGreaterThanOrEqualTo(2);
			assertThat(value(text, "forewarn_rules_evaluation_seconds_count")).isGreaterThanOrEqualTo(4);
			assertThat(value(text, "forewarn_rules_reloads_total", "outcome=\"unchanged\"")).isEqualTo(1);
			assertThat(text).as("no customer or order ids as tags").doesNotContain("met-yes", "met-no");
		}
	}

	/** The sum of the samples of {@code name} whose labels include every one of {@code labels}. */
	private static double value(String text, String name, String... labels) {
		double[] sum = { 0 };
		boolean[] found = { false };
		text.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter(line -> Arrays.stream(labels).allMatch(line::contains))
			.forEach(line -> {
				found[0] = true;
				sum[0] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			});
		assertThat(found[0]).as(name + " " + Arrays.toString(labels) + " in\n" + text).isTrue();
		return sum[0];
	}
}
