package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;

/** Starts Forewarn on a simulated clock with the test rules, real SMTP (GreenMail) and the Twilio stub. */
final class GuardrailApps {

	static final String PUBLIC_URL = "http://forewarn.test";
	/** Where the simulated clock starts: a Monday. */
	static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

	private GuardrailApps() {
	}

	static SimulatedForewarn start(int smtpPort, TwilioStub twilio, String... extra) {
		List<String> settings = new ArrayList<>(List.of("--forewarn.rules=src/test/resources/guardrail-rules",
				"--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
				"--spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"--spring.mail.properties.mail.smtp.timeout=2000",
				"--forewarn.links.public-url=" + PUBLIC_URL, "--forewarn.links.secret=test-secret",
				"--forewarn.delivery.retry.first-delay=PT1M", "--forewarn.delivery.retry.max-attempts=4"));
		settings.addAll(List.of(twilio.settings()));
		settings.addAll(List.of(extra));
		return SimulatedForewarn.start(START, settings.toArray(String[]::new));
	}

	/**
	 * A fresh UTC day for one test, well after anything earlier tests did on the shared clock (tests of a class
	 * share one application, and its clock only moves forward).
	 */
	static Instant freshDay(SimulatedForewarn app) {
		return app.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(14));
	}
}
