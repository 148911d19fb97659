package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.forewarn.HttpCaller;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
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
 * Review before send (approve, reject, expire through the API) and Twilio's delivery reports on the signed status
 * webhook (SENT becomes DELIVERED, or FAILED with Twilio's code and the email fallback).
 */
class ReviewAndStatusCallbacksTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static SimulatedForewarn app;

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@BeforeAll
	static void start() {
		app = GuardrailApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void freshMailbox() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void approvedOutreachGoesOut() throws Exception {
		String id = pendingReview("rv-1");

		HttpResponse<String> approved = app.asNewUser("lea", "reviewer").post("/api/outreach/" + id + "/approve",
				"{}");
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(json(approved).get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(json(approved).get("statusReason").asString()).isEqualTo("approved by lea");
		app.advance(Duration.ofSeconds(1));

		assertThat(app.only("rv-1").status()).isEqualTo(OutreachStatus.SENT);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(app.post("/api/outreach/" + id + "/reject", "{}").statusCode()).isEqualTo(409);
	}

	@Test
	void rejectedOutreachNeverGoesOut() throws Exception {
		String id = pendingReview("rv-2");

		HttpCaller lea = app.asNewUser("lea2", "reviewer");
		assertThat(lea.post("/api/outreach/" + id + "/reject", "{\"by\":\"someone else\"}").statusCode())
			.isEqualTo(400);
		HttpResponse<String> rejected = lea.post("/api/outreach/" + id + "/reject",
				"{\"note\":\"already called them\"}");
		app.advance(Duration.ofDays(2));

		assertThat(json(rejected).get("status").asString()).isEqualTo("REJECTED");
		assertThat(app.only("rv-2").statusReason()).isEqualTo("rejected by lea2: already called them");
		assertThat(app.post("/api/outreach/" + id + "/approve", "{}").statusCode()).isEqualTo(409);
		assertThat(app.post("/api/outreach/nothing-here/approve", "{}").statusCode()).isEqualTo(404);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void outreachNobodyApprovesExpires() throws Exception {
		String id = pendingReview("rv-3");

		app.advance(Duration.ofHours(23));
		assertThat(app.only("rv-3").status()).isEqualTo(OutreachStatus.PENDING_REVIEW);
		app.advance(Duration.ofHours(2));

		Outreach expired = app.only("rv-3");
		assertThat(expired.status()).isEqualTo(OutreachStatus.EXPIRED);
		assertThat(expired.statusReason()).isEqualTo("not approved by " + expired.reviewUntil()
				+ ": nobody reviewed it in time");
		assertThat(app.post("/api/outreach/" + id + "/approve", "{}").statusCode()).isEqualTo(409);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void twilioReportsDeliveryOfASentSms() throws Exception {
		Outreach sms = sentSms("cb-1", "SM000000000000000000000000000000c1");

		assertThat(status(Map.of("MessageSid", "SM000000000000000000000000000000c1", "MessageStatus", "sent"))
			.statusCode()).isEqualTo(200);
		assertThat(app.only("cb-1").status()).isEqualTo(OutreachStatus.SENT);
		assertThat(status(Map.of("MessageSid", "SM000000000000000000000000000000c1", "MessageStatus", "delivered"))
			.statusCode()).isEqualTo(200);

		assertThat(app.only("cb-1").status()).isEqualTo(OutreachStatus.DELIVERED);
		assertThat(app.only("cb-1").id()).isEqualTo(sms.id());
		assertThat(status(Map.of("MessageSid", "SMunknown", "MessageStatus", "delivered")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void twilioReportsAnUndeliveredSmsAndTheEmailFallbackGoesOut() throws Exception {
		Outreach sms = sentSms("cb-2", "SM000000000000000000000000000000c2");

		status(Map.of("MessageSid", "SM000000000000000000000000000000c2", "MessageStatus", "undelivered", "ErrorCode",
				"30003"));
		Outreach failed = app.outreach("cb-2").get(0);
		assertThat(failed.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(failed.delivery().providerCode()).isEqualTo("30003");
		assertThat(failed.statusReason()).isEqualTo("provider reports undelivered (error 30003)");
		app.advance(Duration.ofSeconds(1));

		assertThat(app.outreach("cb-2")).filteredOn(o -> o.channel().equals("email")).singleElement()
			.satisfies(e -> {
				assertThat(e.status()).isEqualTo(OutreachStatus.SENT);
				assertThat(e.fallbackFor()).isEqualTo(sms.id());
			});
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aStatusCallbackWithAWrongSignatureIsRefusedAndChangesNothing() throws Exception {
		sentSms("cb-3", "SM000000000000000000000000000000c3");
		Map<String, String> form = Map.of("MessageSid", "SM000000000000000000000000000000c3", "MessageStatus",
				"failed", "ErrorCode", "30006");

		HttpResponse<String> forged = app.anonymous().postForm("/webhooks/twilio/status", form,
				Map.of("X-Twilio-Signature", TwilioStub.signature(GuardrailApps.PUBLIC_URL + "/webhooks/twilio/status",
						Map.of("MessageSid", "SM000000000000000000000000000000c3", "MessageStatus", "delivered"))));
		app.advance(Duration.ofMinutes(5));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(app.outreach("cb-3")).singleElement()
			.satisfies(o -> assertThat(o.status()).isEqualTo(OutreachStatus.SENT));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	private static String pendingReview(String customerId) {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.feed(customer(customerId, t, "America/Sao_Paulo", "en", true, false));
		app.feed(order(customerId, customerId + "-o", t, "review", t.plus(Duration.ofDays(5))));
		Outreach pending = app.only(customerId);
		assertThat(pending.status()).isEqualTo(OutreachStatus.PENDING_REVIEW);
		assertThat(pending.reviewUntil()).isEqualTo(t.plus(Duration.ofHours(24)));
		assertThat(pending.statusReason()).isEqualTo("waiting for approval until " + pending.reviewUntil());
		return pending.id();
	}

	private Outreach sentSms(String customerId, String messageSid) {
		twilio.accepts(messageSid);
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.feed(customer(customerId, t, "America/Sao_Paulo", "en", true, true));
		app.feed(order(customerId, customerId + "-o", t, "sms", t.plus(Duration.ofDays(5))));
		Outreach sms = app.only(customerId);
		assertThat(sms.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(sms.delivery().providerId()).isEqualTo(messageSid);
		return sms;
	}

	private static HttpResponse<String> status(Map<String, String> form) throws Exception {
		String signature = TwilioStub.signature(GuardrailApps.PUBLIC_URL + "/webhooks/twilio/status", form);
		return app.anonymous().postForm("/webhooks/twilio/status", form, Map.of("X-Twilio-Signature", signature));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
