package org.forewarn.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TwilioStub.created;
import static org.forewarn.TwilioStub.error;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.internet.MimeMessage;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Delivery through the real SMTP client and Twilio SDK: transient failures are retried with backoff until the
 * message goes out once; permanent failures end FAILED with the provider's code and the next channel takes over;
 * a send that never got its outcome is not repeated.
 */
class DeliveryRetryTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@Test
	void smtpDownThenUpDeliversTheEmailOnce() throws Exception {
		int port = freePort();
		try (SimulatedForewarn app = GuardrailApps.start(port, twilio)) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(13));
			app.feed(customer("smtp-1", t, "America/Sao_Paulo", "en", true, false));
			app.feed(order("smtp-1", "smtp-1-o", t, "email", t.plus(Duration.ofDays(5))));

			Outreach waiting = app.only("smtp-1");
			assertThat(waiting.status()).isEqualTo(OutreachStatus.SCHEDULED);
			assertThat(waiting.statusReason()).startsWith("retry 2 of 4 at ").contains("SMTP localhost:" + port);
			assertThat(waiting.delivery().attempts()).isEqualTo(1);
			// one minute, give or take the 20 % jitter
			assertThat(Duration.between(t, waiting.sendAt())).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));

			GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			try {
				app.advance(Duration.ofMinutes(2));
				app.advance(Duration.ofDays(1));

				MimeMessage[] received = smtp.getReceivedMessages();
				assertThat(received).hasSize(1);
				assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("smtp-1@customers.example");
				Outreach sent = app.only("smtp-1");
				assertThat(sent.status()).isEqualTo(OutreachStatus.SENT);
				assertThat(sent.delivery().attempts()).isEqualTo(2);
				assertThat(sent.delivery().providerId()).isNotBlank();
				assertThat(app.bean(AttemptStore.class).list(sent.id())).extracting(Attempt::outcome)
					.containsExactly("RETRY", "SENT");
			}
			finally {
				smtp.stop();
			}
		}
	}

	@Test
	void twilioAnswering500Then429Then201SendsOneSms() throws Exception {
		twilio.answers(error(500, 20500, "Internal Server Error"), error(429, 20429, "Too Many Requests"),
				created("SM00000000000000000000000000000042"));
		try (SimulatedForewarn app = GuardrailApps.start(greenMail.getSmtp().getPort(), twilio)) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
			app.feed(customer("tw-1", t, "America/Sao_Paulo", "en", true, true));
			app.feed(order("tw-1", "tw-1-o", t, "sms", t.plus(Duration.ofDays(5))));
			assertThat(twilio.requests()).isEqualTo(1);

			app.advance(Duration.ofHours(1));

			assertThat(twilio.requests()).isEqualTo(3);
			Outreach sms = app.only("tw-1");
			assertThat(sms.status()).isEqualTo(OutreachStatus.SENT);
			assertThat(sms.delivery().attempts()).isEqualTo(3);
			assertThat(sms.delivery().providerId()).isEqualTo("SM00000000000000000000000000000042");
			assertThat(app.bean(AttemptStore.class).list(sms.id())).extracting(Attempt::code)
				.containsExactly("20500", "20429", null);
			app.advance(Duration.ofDays(2));
			assertThat(twilio.requests()).isEqualTo(3);
			assertThat(greenMail.getReceivedMessages()).isEmpty();
		}
	}

	@Test
	void invalidNumberFailsWithTwilioCodeAndTheEmailFallbackArrives() throws Exception {
		twilio.answers(error(400, 21211, "The 'To' number is not a valid phone number."));
		try (SimulatedForewarn app = GuardrailApps.start(greenMail.getSmtp().getPort(), twilio)) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
			app.feed(customer("tw-2", t, "America/Sao_Paulo", "en", true, true));
			app.feed(order("tw-2", "tw-2-o", t, "sms", t.plus(Duration.ofDays(5))));

			Outreach sms = app.outreach("tw-2").stream().filter(o -> o.channel().equals("sms")).findFirst()
				.orElseThrow();
			assertThat(sms.status()).isEqualTo(OutreachStatus.FAILED);
			assertThat(sms.delivery().providerCode()).isEqualTo("21211");
			assertThat(sms.statusReason()).contains("Twilio error 21211", "not a valid phone number");
			assertThat(twilio.requests()).isEqualTo(1);

			Outreach email = app.outreach("tw-2").stream().filter(o -> o.channel().equals("email")).findFirst()
				.orElseThrow();
			assertThat(email.status()).isEqualTo(OutreachStatus.SENT);
			assertThat(email.fallbackFor()).isEqualTo(sms.id());
			assertThat(email.template()).isEqualTo("shipment_late");
			MimeMessage[] received = greenMail.getReceivedMessages();
			assertThat(received).hasSize(1);
			assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("tw-2@customers.example");
			assertThat(received[0].getSubject()).contains("tw-2-o");
		}
	}

	@Test
	void transientFailuresUntilTheLimitEndFailedAndFallBack() throws Exception {
		twilio.answers(error(503, 20503, "Service Unavailable"));
		try (SimulatedForewarn app = GuardrailApps.start(greenMail.getSmtp().getPort(), twilio)) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
			app.feed(customer("tw-3", t, "America/Sao_Paulo", "en", true, true));
			app.feed(order("tw-3", "tw-3-o", t, "sms", t.plus(Duration.ofDays(5))));

			app.advance(Duration.ofHours(2));

			assertThat(twilio.requests()).isEqualTo(4);
			Outreach sms = app.outreach("tw-3").stream().filter(o -> o.channel().equals("sms")).findFirst()
				.orElseThrow();
			assertThat(sms.status()).isEqualTo(OutreachStatus.FAILED);
			assertThat(sms.statusReason()).startsWith("gave up after 4 attempts: Twilio error 20503");
			assertThat(app.outreach("tw-3")).filteredOn(o -> o.channel().equals("email"))
				.singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(OutreachStatus.SENT));
			assertThat(greenMail.getReceivedMessages()).hasSize(1);
		}
	}

	@Test
	void aSendInterruptedAfterItsClaimIsNotSentAgain() throws Exception {
		twilio.accepts("SM00000000000000000000000000000007");
		try (SimulatedForewarn app = GuardrailApps.start(greenMail.getSmtp().getPort(), twilio)) {
			Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
			app.feed(customer("crash-1", t, "America/Sao_Paulo", "en", true, true));
			// due in an hour; the claim is made as the dispatcher makes it, then the process "dies" before the answer
			app.feed(order("crash-1", "crash-1-o", t, "sms-deadline", t.plus(Duration.ofHours(25))));
			Outreach waiting = app.only("crash-1");
			assertThat(waiting.status()).isEqualTo(OutreachStatus.SCHEDULED);
			assertThat(app.bean(AttemptStore.class).claim(waiting, 0, waiting.sendAt())).isTrue();

			app.advance(Duration.ofHours(2));

			assertThat(twilio.requests()).isZero();
			Outreach ended = app.only("crash-1");
			assertThat(ended.status()).isEqualTo(OutreachStatus.FAILED);
			assertThat(ended.delivery().providerCode()).isEqualTo("interrupted");
			assertThat(ended.statusReason()).startsWith("may have gone out: interrupted while sending (attempt 1")
				.contains("not sent again");
			assertThat(greenMail.getReceivedMessages()).isEmpty();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
