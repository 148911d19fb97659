package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.phone;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.forewarn.Mails;
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

/**
 * Consent per channel: STOP and START by SMS through the signed Twilio webhook, the signed unsubscribe link in every
 * email, and a rule's fallback channel when the customer said no to the first one.
 */
class ConsentTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static SimulatedForewarn app;

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@BeforeAll
	static void start() {
		// one SMTP server and one application for the class; each test empties the mailboxes first
		app = GuardrailApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void freshMailboxAndTwilioAcceptingEverything() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		twilio.accepts("SM00000000000000000000000000000001");
	}

	@Test
	void stopThenStartBySms() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.feed(customer("stop-1", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("stop-1", "stop-1-a", t, "sms", t.plus(Duration.ofDays(5))));
		assertThat(status("stop-1", "stop-1-a")).isEqualTo(OutreachStatus.SENT);

		HttpResponse<String> stop = inbound("stop-1", "SMstop1", " Stop ");
		assertThat(stop.statusCode()).isEqualTo(200);
		assertThat(stop.body()).contains("<Response>");
		app.feed(order("stop-1", "stop-1-b", t.plus(Duration.ofHours(1)), "sms", t.plus(Duration.ofDays(5))));
		Outreach refused = find("stop-1", "stop-1-b");
		assertThat(refused.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(refused.statusReason()).isEqualTo("no sms consent");
		// Twilio repeats a webhook it got no answer to: the same MessageSid changes nothing twice
		assertThat(inbound("stop-1", "SMstop1", "STOP").statusCode()).isEqualTo(200);

		assertThat(inbound("stop-1", "SMstart1", "START").statusCode()).isEqualTo(200);
		app.advance(Duration.ofDays(1));
		app.feed(order("stop-1", "stop-1-c", app.now(), "sms", t.plus(Duration.ofDays(5))));

		assertThat(status("stop-1", "stop-1-c")).isEqualTo(OutreachStatus.SENT);
		assertThat(twilio.requests()).isEqualTo(2);
		assertThat(app.get("/api/customers/stop-1/timeline").body()).contains("inbound SMS Stop", "inbound SMS START");
	}

	@Test
	void aWebhookWithAWrongSignatureIsRefusedAndChangesNothing() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.feed(customer("forged-1", t, "America/Sao_Paulo", "en", true, true));
		Map<String, String> form = Map.of("MessageSid", "SMforged", "From", phone("forged-1"), "Body", "STOP");

		HttpResponse<String> forged = app.anonymous().postForm("/webhooks/twilio/inbound", form,
				Map.of("X-Twilio-Signature", TwilioStub.signature(GuardrailApps.PUBLIC_URL + "/elsewhere", form)));
		HttpResponse<String> unsigned = app.anonymous().postForm("/webhooks/twilio/inbound", form, Map.of());

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(unsigned.statusCode()).isEqualTo(403);
		app.feed(order("forged-1", "forged-1-a", t, "sms", t.plus(Duration.ofDays(5))));
		assertThat(status("forged-1", "forged-1-a")).isEqualTo(OutreachStatus.SENT);
		assertThat(app.get("/api/customers/forged-1/timeline").body()).doesNotContain("inbound SMS");
	}

	@Test
	void theUnsubscribeLinkInAnEmailTurnsEmailConsentOff() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.feed(customer("unsub-1", t, "America/Sao_Paulo", "en", true, false));
		app.feed(order("unsub-1", "unsub-1-a", t, "email", t.plus(Duration.ofDays(5))));
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		String header = received[0].getHeader("List-Unsubscribe")[0];
		assertThat(received[0].getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		Matcher link = Pattern.compile("<(" + Pattern.quote(GuardrailApps.PUBLIC_URL) + "/unsubscribe\\?[^>]+)>")
			.matcher(header);
		assertThat(link.find()).as(header).isTrue();
		URI url = URI.create(link.group(1));
		assertThat(Mails.text(received[0])).endsWith("To stop these emails: " + url + "\n");

		HttpResponse<String> tampered = app.get(url.getRawPath() + "?" + url.getRawQuery().replace("c=unsub-1",
				"c=someone-else"));
		assertThat(tampered.statusCode()).isEqualTo(403);
		// the mail client's one-click unsubscribe (RFC 8058) to the header's link
		HttpResponse<String> clicked = app.anonymous().postForm(url.getRawPath() + "?" + url.getRawQuery(),
				Map.of("List-Unsubscribe", "One-Click"), Map.of());
		assertThat(clicked.statusCode()).isEqualTo(200);
		assertThat(clicked.body()).contains("You are unsubscribed");

		app.feed(order("unsub-1", "unsub-1-b", t.plus(Duration.ofHours(1)), "email", t.plus(Duration.ofDays(5))));
		Outreach refused = find("unsub-1", "unsub-1-b");
		assertThat(refused.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(refused.statusReason()).isEqualTo("no email consent");
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void withoutSmsConsentTheRulesFallbackChannelIsUsed() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.feed(customer("fb-1", t, "America/Sao_Paulo", "en", true, false));
		app.feed(order("fb-1", "fb-1-a", t, "sms-or-email", t.plus(Duration.ofDays(5))));
		app.feed(order("fb-1", "fb-1-b", t, "sms", t.plus(Duration.ofDays(5))));

		Outreach sms = app.outreach("fb-1").stream()
			.filter(o -> o.orderId().equals("fb-1-a") && o.channel().equals("sms")).findFirst().orElseThrow();
		assertThat(sms.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(sms.statusReason()).isEqualTo("no sms consent");
		Outreach email = app.outreach("fb-1").stream()
			.filter(o -> o.orderId().equals("fb-1-a") && o.channel().equals("email")).findFirst().orElseThrow();
		assertThat(email.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(email.fallbackFor()).isEqualTo(sms.id());
		// without a fallback named by its rule, a refused channel stays refused
		assertThat(app.outreach("fb-1")).filteredOn(o -> o.orderId().equals("fb-1-b")).singleElement()
			.satisfies(o -> assertThat(o.status()).isEqualTo(OutreachStatus.SUPPRESSED));
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(twilio.requests()).isZero();
	}

	private static HttpResponse<String> inbound(String customerId, String messageSid, String body) throws Exception {
		Map<String, String> form = Map.of("MessageSid", messageSid, "AccountSid", TwilioStub.SID, "From",
				phone(customerId), "To", TwilioStub.FROM, "Body", body);
		String signature = TwilioStub.signature(GuardrailApps.PUBLIC_URL + "/webhooks/twilio/inbound", form);
		return app.anonymous().postForm("/webhooks/twilio/inbound", form, Map.of("X-Twilio-Signature", signature));
	}

	private static OutreachStatus status(String customerId, String orderId) {
		return find(customerId, orderId).status();
	}

	private static Outreach find(String customerId, String orderId) {
		return app.outreach(customerId).stream().filter(o -> orderId.equals(o.orderId())).findFirst().orElseThrow();
	}
}
