package org.forewarn.engine;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.TwilioStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.await;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.orderPlaced;

/** Forewarn's own meters move as events flow to sends and suppressions, and a scraper reads them. */
class MetricsTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

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
			app.post("/api/events", "[{\"id\":\"met-r3\",\"type\":\"customer.updated\",\"time\":\"yesterday\","
					+ "\"customerId\":\"met-yes\"},{\"id\":\"met-r4\",\"type\":\"met.made-up\",\"time\":\"" + now
					+ "\",\"customerId\":\"met-yes\"}]");
			app.post("/api/rules/reload", "");

			HttpCaller scraper = app.asNewUser("scraper", "metrics");
			HttpResponse<String> scraped = scraper.get("/actuator/prometheus");
			assertThat(scraped.statusCode()).isEqualTo(200);
			String text = scraped.body();
			assertThat(app.get("/actuator/prometheus").statusCode()).as("admin reads it too").isEqualTo(200);
			assertThat(scraper.get("/api/outreach").statusCode()).as("metrics role only scrapes").isEqualTo(403);

			assertThat(value(text, "forewarn_events_total", "type=\"order.placed\"", "outcome=\"accepted\""))
				.isEqualTo(2);
			assertThat(value(text, "forewarn_events_total", "type=\"order.paid\"", "outcome=\"rejected\""))
				.as("invalid events are counted too").isEqualTo(1);
			assertThat(value(text, "forewarn_events_total", "type=\"customer.updated\"", "outcome=\"rejected\""))
				.isEqualTo(1);
			assertThat(value(text, "forewarn_events_total", "type=\"other\"", "outcome=\"rejected\"")).isEqualTo(1);
			assertThat(text).as("an unknown type is no tag").doesNotContain("met.made-up");
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

	/**
	 * Retries and fallbacks by channel and reason, through the real SMS client: one SMS refused for good (21211),
	 * one failing four times (503) until it gives up; both fall back to email.
	 */
	@Test
	void retriesAndFallbacksAreCountedByChannelAndReason() throws Exception {
		TwilioStub twilio = new TwilioStub(wireMock);
		twilio.answers(TwilioStub.error(400, 21211, "The 'To' number is not a valid phone number."),
				TwilioStub.error(503, 20503, "Service Unavailable"));
		Instant start = Instant.parse("2026-03-02T14:00:00Z");
		List<String> settings = new ArrayList<>(List.of(twilio.settings()));
		settings.addAll(List.of("--forewarn.rules=src/test/resources/guardrail-rules",
				"--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.delivery.retry.first-delay=PT1M", "--forewarn.delivery.retry.max-attempts=4",
				"--forewarn.guardrails.quiet-hours.enabled=false"));
		try (SimulatedForewarn app = SimulatedForewarn.start(start, settings.toArray(String[]::new))) {
			for (String customerId : new String[] { "met-invalid", "met-down" }) {
				app.feed(TestEvents.customer(customerId, start, "America/Sao_Paulo", "en", true, true));
				app.feed(TestEvents.order(customerId, customerId + "-o", start, "sms", start.plus(Duration.ofDays(5))));
			}
			app.advance(Duration.ofHours(2));
			assertThat(greenMail.getReceivedMessages()).as("both fell back to email").hasSize(2);

			String text = app.get("/actuator/prometheus").body();
			assertThat(value(text, "forewarn_outreach_retries_total", "channel=\"sms\"", "code=\"20503\"",
					"outcome=\"scheduled\"")).isEqualTo(3);
			assertThat(value(text, "forewarn_outreach_retries_total", "channel=\"sms\"", "code=\"20503\"",
					"outcome=\"gave_up\"")).isEqualTo(1);
			assertThat(value(text, "forewarn_outreach_fallbacks_total", "from=\"sms\"", "to=\"email\"",
					"reason=\"failed\"")).isEqualTo(2);
			assertThat(value(text, "forewarn_sends_seconds_count", "channel=\"sms\"", "outcome=\"failed\"",
					"code=\"21211\"")).isEqualTo(1);
			assertThat(value(text, "forewarn_sends_seconds_count", "channel=\"email\"", "outcome=\"sent\""))
				.isEqualTo(2);
			// the two emails went out one after the other: the connection of the first carried the second, and is kept
			assertThat(value(text, "forewarn_smtp_connections", "state=\"idle\"")).isEqualTo(1);
			assertThat(value(text, "forewarn_smtp_connections", "state=\"in_use\"")).isEqualTo(0);
			assertThat(text).doesNotContain("met-invalid", "met-down");
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
