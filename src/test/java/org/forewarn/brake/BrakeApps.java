package org.forewarn.brake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.TwilioStub;

/** Forewarn on a simulated clock with the brake test rules, real SMTP (GreenMail) and the Twilio stub. */
final class BrakeApps {

	/** A Monday, at noon: no quiet hours are near. */
	static final Instant START = Instant.parse("2026-03-02T12:00:00Z");

	private BrakeApps() {
	}

	static SimulatedForewarn start(int smtpPort, TwilioStub twilio, String... extra) {
		List<String> settings = new ArrayList<>(List.of("--forewarn.rules=src/test/resources/brake-rules",
				"--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
				"--forewarn.links.public-url=http://forewarn.test", "--forewarn.links.secret=test-secret",
				"--forewarn.guardrails.quiet-hours.enabled=false"));
		settings.addAll(List.of(twilio.settings()));
		settings.addAll(List.of(extra));
		return SimulatedForewarn.start(START, settings.toArray(String[]::new));
	}

	/** A customer in UTC who said yes to email and SMS, with an order whose region picks a brake test rule. */
	static void customerWithOrder(SimulatedForewarn app, String customer, String region, Instant promisedBy) {
		Instant now = app.now();
		app.feed(TestEvents.customer(customer, now, "UTC", "en", true, true));
		app.feed(TestEvents.order(customer, customer + "-o", now, region, promisedBy));
	}
}
