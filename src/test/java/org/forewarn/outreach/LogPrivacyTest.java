package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.TwilioStub;
import org.forewarn.logging.LogContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TwilioStub.created;
import static org.forewarn.TwilioStub.error;

/**
 * Whatever Forewarn logs while it sends for real (email and SMS, failures quoting the number, retries, fallbacks, a
 * delivery report of an undelivered SMS, inbound SMS), no log line holds a customer's email address or phone
 * number; and structured logs carry the event, outreach, rule and customer reference of each line.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String[] CUSTOMERS = { "lp-sent", "lp-invalid", "lp-down", "lp-bounced" };

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@Test
	void noLogLineOfARunWithRealSendsHoldsAnAddressOrANumber(CapturedOutput output) throws Exception {
		twilio.answers(created("SM000000000000000000000000000000a1"),
				error(400, 21211, "The 'To' number " + TestEvents.phone("lp-invalid") + " is not a valid phone number."),
				error(503, 20503, "Service Unavailable for " + TestEvents.phone("lp-down")),
				error(503, 20503, "Service Unavailable for " + TestEvents.phone("lp-down")),
				error(503, 20503, "Service Unavailable for " + TestEvents.phone("lp-down")),
				error(503, 20503, "Service Unavailable for " + TestEvents.phone("lp-down")),
				created("SM000000000000000000000000000000b4"));
		try (SimulatedForewarn app = GuardrailApps.start(greenMail.getSmtp().getPort(), twilio,
				"--logging.level.org.forewarn=DEBUG", "--logging.level.com.twilio=DEBUG")) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
			for (String customerId : List.of("lp-sent", "lp-invalid", "lp-down")) {
				app.feed(customer(customerId, t, "America/Sao_Paulo", "en", true, true));
				app.feed(order(customerId, customerId + "-o", t, "sms", t.plus(Duration.ofDays(5))));
			}
			app.advance(Duration.ofHours(2));
			app.feed(customer("lp-bounced", t, "America/Sao_Paulo", "en", true, true));
			app.feed(order("lp-bounced", "lp-bounced-o", t, "sms", t.plus(Duration.ofDays(5))));
			report(app, "SM000000000000000000000000000000b4", "undelivered", "30003");
			app.advance(Duration.ofMinutes(1));
			inbound(app, TestEvents.phone("lp-sent"), "STOP");
			inbound(app, "+33612345678", "STOP");
			// a customer update that cannot be accepted, quoting an address in the field at fault
			app.post("/api/events", "{\"id\":\"lp-bad\",\"type\":\"customer.updated\",\"time\":\"" + t
					+ "\",\"customerId\":\"lp-sent\",\"data\":{\"email\":\"lp-sent@customers.example\","
					+ "\"timeZone\":\"lp-sent@customers.example\"}}");

			assertThat(twilio.requests()).as("every SMS path was taken").isEqualTo(7);
			assertThat(greenMail.getReceivedMessages()).as("three fallbacks by email").hasSize(3);
			assertThat(app.outreach("lp-down")).anySatisfy(o -> assertThat(o.statusReason()).contains("gave up"));
		}
		List<String> personal = new ArrayList<>(List.of("+33612345678", "33612345678"));
		for (String customerId : CUSTOMERS) {
			personal.add(customerId + "@customers.example");
			personal.add(TestEvents.phone(customerId));
			personal.add(TestEvents.phone(customerId).substring(1));
		}
		String all = output.getAll();
		assertThat(all).as("the run logged what it did").contains("lp-invalid-o", "failed");
		assertThat(all.lines().filter(line -> personal.stream().anyMatch(line::contains)).toList())
			.as("log lines with an address or a number").isEmpty();
		assertThat(all).as("masked forms tell the cases apart").contains("+15", "l***@");
	}

	@Test
	void structuredLogLinesCarryTheEventOutreachRuleAndCustomerReference(CapturedOutput output) throws Exception {
		twilio.answers(error(503, 20503, "Service Unavailable"), created("SM000000000000000000000000000000c1"));
		try (SimulatedForewarn app = GuardrailApps.start(greenMail.getSmtp().getPort(), twilio,
				"--logging.structured.format.console=ecs", "--logging.level.org.forewarn=DEBUG")) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
			app.feed(customer("lp-json", t, "America/Sao_Paulo", "en", true, true));
			app.feed(order("lp-json", "lp-json-o", t, "sms", t.plus(Duration.ofDays(5))));
			app.advance(Duration.ofMinutes(5));
			String ref = LogContext.customerRef("lp-json");
			assertThat(ref).hasSize(12).doesNotContain("lp-json");
			String outreachId = app.only("lp-json").id();

			List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
				.map(JSON::readTree).toList();
			assertThat(lines).as("a line while the event was processed").anySatisfy(line -> {
				assertThat(line.path("eventId").asString()).isEqualTo("lp-json-o-placed");
				assertThat(line.path("customerRef").asString()).isEqualTo(ref);
			});
			assertThat(lines).as("the retry, logged while sending").anySatisfy(line -> {
				assertThat(line.path("message").asString()).contains("failed for now, will retry");
				assertThat(line.path("outreachId").asString()).isEqualTo(outreachId);
				assertThat(line.path("rule").asString()).isEqualTo("test: sms now");
				assertThat(line.path("customerRef").asString()).isEqualTo(ref);
			});
			assertThat(lines).as("no field left behind after the work").anySatisfy(line -> {
				assertThat(line.path("message").asString()).contains("Started");
				assertThat(line.has("outreachId") || line.has("eventId")).isFalse();
			});
		}
	}

	private static void report(SimulatedForewarn app, String sid, String status, String code) throws Exception {
		Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", code);
		String signature = TwilioStub.signature(GuardrailApps.PUBLIC_URL + "/webhooks/twilio/status", form);
		assertThat(app.anonymous().postForm("/webhooks/twilio/status", form, Map.of("X-Twilio-Signature", signature))
			.statusCode()).isEqualTo(200);
	}

	private static void inbound(SimulatedForewarn app, String from, String body) throws Exception {
		Map<String, String> form = Map.of("From", from, "To", TwilioStub.FROM, "Body", body, "MessageSid",
				"SM000000000000000000000000000000d" + Math.abs(from.hashCode() % 10));
		String signature = TwilioStub.signature(GuardrailApps.PUBLIC_URL + "/webhooks/twilio/inbound", form);
		assertThat(app.anonymous().postForm("/webhooks/twilio/inbound", form, Map.of("X-Twilio-Signature", signature))
			.statusCode()).isEqualTo(200);
	}
}
