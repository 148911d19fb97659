package org.forewarn.bounce;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.phone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.suppression.Suppression;
import org.forewarn.suppression.SuppressionList;
import org.forewarn.suppression.SuppressionSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's codes from the real SDK against the Twilio stub, and from signed status callbacks: 21610 turns SMS consent
 * off (START turns it on again), numbers that cannot receive SMS are suppressed, for good or for a while.
 */
class CarrierCodesTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PUBLIC_URL = "http://forewarn.test";

	static SimulatedForewarn app;

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@BeforeAll
	static void start() {
		List<String> settings = new ArrayList<>(List.of("--forewarn.rules=src/test/resources/guardrail-rules",
				"--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.links.public-url=" + PUBLIC_URL, "--forewarn.links.secret=test-secret",
				"--forewarn.bounces.sms-unreachable-for=P2D"));
		settings.addAll(List.of(new TwilioStub(wireMock).settings()));
		app = SimulatedForewarn.start(Instant.parse("2026-03-02T00:00:00Z"), settings.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void fresh() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		wireMock.resetAll();
	}

	@Test
	void optedOutAtTheCarrierTurnsSmsConsentOffUntilStart() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("tw-1", t, "America/Sao_Paulo", "en", true, true));
		twilio.answers(TwilioStub.error(400, 21610, "Attempt to send to unsubscribed recipient"));

		app.feed(order("tw-1", "tw-1-a", t, "sms", t.plus(Duration.ofDays(5))));

		Outreach sms = only("tw-1", "tw-1-a", "sms");
		assertThat(sms.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(sms.delivery().providerCode()).isEqualTo("21610");
		assertThat(only("tw-1", "tw-1-a", "email").status()).as("the configured fallback")
			.isEqualTo(OutreachStatus.SENT);
		waitFor(() -> app.get("/api/customers/tw-1/timeline").body().contains("opted out at the carrier"));
		assertThat(app.get("/api/suppressions?channel=sms&source=carrier_opt_out").body())
			.contains(phone("tw-1"));

		twilio.accepts("SM000000000000000000000000000000a1");
		app.feed(order("tw-1", "tw-1-b", t.plus(Duration.ofHours(1)), "sms", t.plus(Duration.ofDays(5))));
		Outreach refused = only("tw-1", "tw-1-b", "sms");
		assertThat(refused.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(refused.statusReason()).isEqualTo("no sms consent");

		assertThat(inbound("tw-1", "SMstart-tw-1", "START").statusCode()).isEqualTo(200);
		assertThat(app.get("/api/suppressions?channel=sms").body()).doesNotContain(phone("tw-1"));
		app.advance(Duration.ofDays(1));
		app.feed(order("tw-1", "tw-1-c", app.now(), "sms", app.now().plus(Duration.ofDays(5))));
		assertThat(only("tw-1", "tw-1-c", "sms").status()).isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void anInvalidNumberAtSendTimeIsSuppressedForGood() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("tw-2", t, "America/Sao_Paulo", "en", true, true));
		twilio.answers(TwilioStub.error(400, 21211, "The 'To' number is not a valid phone number."));

		app.feed(order("tw-2", "tw-2-a", t, "sms", t.plus(Duration.ofDays(5))));

		assertThat(only("tw-2", "tw-2-a", "sms").status()).isEqualTo(OutreachStatus.FAILED);
		JsonNode entry = entry("carrier_unreachable", phone("tw-2"));
		assertThat(entry.get("reason").asString()).isEqualTo("invalid 'To' number (Twilio 21211)");
		assertThat(entry.get("expiresAt").isNull()).isTrue();
		app.advance(Duration.ofDays(1));
		app.feed(order("tw-2", "tw-2-b", app.now(), "sms", app.now().plus(Duration.ofDays(5))));
		Outreach next = only("tw-2", "tw-2-b", "sms");
		assertThat(next.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(next.statusReason()).startsWith("suppressed: invalid 'To' number (Twilio 21211) on ")
			.endsWith("(carrier_unreachable)");
		assertThat(twilio.requests()).isEqualTo(1);
	}

	@Test
	void aStatusCallbackWithALandlineCodeSuppressesAndAnUnreachableHandsetOnlyForAWhile() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("tw-3", t, "America/Sao_Paulo", "en", true, true));
		app.feed(customer("tw-4", t, "America/Sao_Paulo", "en", true, true));
		twilio.accepts("SM000000000000000000000000000000b3");
		app.feed(order("tw-3", "tw-3-a", t, "sms", t.plus(Duration.ofDays(5))));
		twilio.accepts("SM000000000000000000000000000000b4");
		app.feed(order("tw-4", "tw-4-a", t, "sms", t.plus(Duration.ofDays(5))));

		assertThat(status("SM000000000000000000000000000000b3", "undelivered", "30006", phone("tw-3")).statusCode())
			.isEqualTo(200);
		assertThat(status("SM000000000000000000000000000000b4", "undelivered", "30003", phone("tw-4")).statusCode())
			.isEqualTo(200);

		assertThat(only("tw-3", "tw-3-a", "sms").status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(entry("carrier_unreachable", phone("tw-3")).get("expiresAt").isNull()).isTrue();
		assertThat(entry("carrier_unreachable", phone("tw-4")).get("expiresAt").asString())
			.isEqualTo(app.now().plus(Duration.ofDays(2)).toString());

		app.advance(Duration.ofDays(1));
		app.feed(order("tw-3", "tw-3-b", app.now(), "sms", app.now().plus(Duration.ofDays(5))));
		app.feed(order("tw-4", "tw-4-b", app.now(), "sms", app.now().plus(Duration.ofDays(5))));
		assertThat(only("tw-3", "tw-3-b", "sms").statusReason()).contains("landline or unreachable carrier");
		assertThat(only("tw-4", "tw-4-b", "sms").statusReason()).contains("destination handset unreachable");

		twilio.accepts("SM000000000000000000000000000000c4");
		app.advance(Duration.ofDays(2));
		app.feed(order("tw-4", "tw-4-c", app.now(), "sms", app.now().plus(Duration.ofDays(5))));
		assertThat(only("tw-4", "tw-4-c", "sms").status()).as("30003 suppresses only for a while")
			.isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void aLateCallbackForAnErasedCustomersMessageKeepsTheNumberRefusedUnderItsDigest() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("tw-5", t, "America/Sao_Paulo", "en", true, true));
		app.feed(customer("tw-6", t, "America/Sao_Paulo", "en", true, true));
		twilio.accepts("SM000000000000000000000000000000d5");
		app.feed(order("tw-5", "tw-5-a", t, "sms", t.plus(Duration.ofDays(5))));
		twilio.accepts("SM000000000000000000000000000000d6");
		app.feed(order("tw-6", "tw-6-a", t, "sms", t.plus(Duration.ofDays(5))));
		assertThat(app.asNewUser("pia-tw5", "privacy").delete("/api/customers/tw-5").statusCode()).isEqualTo(200);

		assertThat(status("SM000000000000000000000000000000d5", "undelivered", "21610", phone("tw-5")).statusCode())
			.isEqualTo(200);

		String list = app.get("/api/suppressions?channel=sms").body();
		assertThat(list).as("no readable number of an erased customer").doesNotContain(phone("tw-5"));
		Suppression kept = app.bean(SuppressionList.class).active("sms", phone("tw-5")).orElseThrow();
		assertThat(kept.address()).startsWith("digest:");
		assertThat(kept.source()).isEqualTo(SuppressionSource.CARRIER_OPT_OUT);
		assertThat(list).contains(kept.address());
		// consent changes run one after another: once tw-6's is on its timeline, one for tw-5 would be too
		status("SM000000000000000000000000000000d6", "undelivered", "21610", phone("tw-6"));
		waitFor(() -> app.get("/api/customers/tw-6/timeline").body().contains("opted out at the carrier"));
		assertThat(app.get("/api/customers/tw-5/timeline").body()).as("no new profile made for the erased customer")
			.doesNotContain("opted out at the carrier");
		app.advance(Duration.ofMinutes(5));
		assertThat(app.outreach("tw-5")).as("no fallback for the erased customer").extracting(Outreach::channel)
			.containsExactly("sms");

		// back as a new profile with the same number, START lifts the opt-out kept under the digest
		app.feed(customer("tw-5-back", "tw-5", app.now(), "America/Sao_Paulo", "en", true, true));
		assertThat(inbound("tw-5", "SMstart-tw-5", "START").statusCode()).isEqualTo(200);
		assertThat(app.bean(SuppressionList.class).active("sms", phone("tw-5"))).isEmpty();
	}

	@Test
	void anUnreachableHandsetReportedForAnErasedCustomersMessageIsKeptUnderItsDigestForAWhile() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("tw-7", t, "America/Sao_Paulo", "en", true, true));
		twilio.accepts("SM000000000000000000000000000000d7");
		app.feed(order("tw-7", "tw-7-a", t, "sms", t.plus(Duration.ofDays(5))));
		assertThat(app.asNewUser("pia-tw7", "privacy").delete("/api/customers/tw-7").statusCode()).isEqualTo(200);

		assertThat(status("SM000000000000000000000000000000d7", "undelivered", "30003", phone("tw-7")).statusCode())
			.isEqualTo(200);

		assertThat(app.get("/api/suppressions?channel=sms").body()).doesNotContain(phone("tw-7"));
		Suppression kept = app.bean(SuppressionList.class).active("sms", phone("tw-7")).orElseThrow();
		assertThat(kept.address()).startsWith("digest:");
		assertThat(kept.expiresAt()).isEqualTo(app.now().plus(Duration.ofDays(2)));
	}

	@Test
	void aFailureReportedAfterTheMessageWasDeliveredSuppressesNothing() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("tw-8", t, "America/Sao_Paulo", "en", true, true));
		twilio.accepts("SM000000000000000000000000000000d8");
		app.feed(order("tw-8", "tw-8-a", t, "sms", t.plus(Duration.ofDays(5))));
		assertThat(status("SM000000000000000000000000000000d8", "delivered", "", phone("tw-8")).statusCode())
			.isEqualTo(200);

		assertThat(status("SM000000000000000000000000000000d8", "undelivered", "30003", phone("tw-8")).statusCode())
			.isEqualTo(200);

		assertThat(only("tw-8", "tw-8-a", "sms").status()).isEqualTo(OutreachStatus.DELIVERED);
		assertThat(app.get("/api/suppressions?channel=sms").body()).doesNotContain(phone("tw-8"));
		assertThat(app.bean(SuppressionList.class).active("sms", phone("tw-8"))).isEmpty();
	}

	private static JsonNode entry(String source, String number) throws Exception {
		JsonNode items = JSON.readTree(app.get("/api/suppressions?channel=sms&source=" + source).body()).get("items");
		for (JsonNode item : items) {
			if (item.get("address").asString().equals(number)) {
				return item;
			}
		}
		throw new AssertionError("no " + source + " suppression for " + number + " in " + items);
	}

	private static HttpResponse<String> status(String sid, String state, String errorCode, String to)
			throws Exception {
		Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", state, "ErrorCode", errorCode, "To", to);
		return app.anonymous().postForm("/webhooks/twilio/status", form, Map.of("X-Twilio-Signature",
				TwilioStub.signature(PUBLIC_URL + "/webhooks/twilio/status", form)));
	}

	private static HttpResponse<String> inbound(String customerId, String sid, String body) throws Exception {
		Map<String, String> form = Map.of("MessageSid", sid, "From", phone(customerId), "Body", body);
		return app.anonymous().postForm("/webhooks/twilio/inbound", form, Map.of("X-Twilio-Signature",
				TwilioStub.signature(PUBLIC_URL + "/webhooks/twilio/inbound", form)));
	}

	private static Outreach only(String customerId, String orderId, String channel) {
		return app.outreach(customerId).stream()
			.filter(o -> orderId.equals(o.orderId()) && o.channel().equals(channel)).findFirst().orElseThrow();
	}

	private static Instant freshDay() {
		return app.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(14));
	}

	interface Check {
		boolean holds() throws Exception;
	}

	private static void waitFor(Check check) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!check.holds()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("still not true after 20 s");
			}
			Thread.sleep(50);
		}
	}
}
