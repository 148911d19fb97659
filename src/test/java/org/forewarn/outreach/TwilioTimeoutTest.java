package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.phone;
import static org.forewarn.TwilioStub.created;
import static org.forewarn.TwilioStub.error;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.TwilioMessageList;
import org.forewarn.TwilioStub;
import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.DeliveryResult;
import org.forewarn.customer.CustomerStateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The real Twilio SDK against a stub that reads the request and answers after Forewarn's read timeout (2 s here):
 * the SMS may have gone out, so it ends FAILED "may have gone out", is never sent again and gets no fallback; then
 * Twilio's message list settles it: SENT with the listed SID when Twilio lists it, FAILED otherwise.
 */
class TwilioTimeoutTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final TwilioMessageList messageList = new TwilioMessageList();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(messageList)).build();

	private static final TwilioStub twilio = new TwilioStub(wireMock);
	/** Twilio's answer comes this many milliseconds after the request: after the read timeout of 2 s. */
	private static final int LATE = 6000;
	private static SimulatedForewarn app;

	@BeforeAll
	static void start() {
		List<String> settings = new ArrayList<>(List.of("--forewarn.rules=src/test/resources/provider-rules",
				"--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.links.public-url=" + GuardrailApps.PUBLIC_URL, "--forewarn.links.secret=test-secret",
				"--forewarn.channels.sms.read-timeout=PT2S"));
		settings.addAll(Arrays.asList(twilio.settings()));
		app = SimulatedForewarn.start(GuardrailApps.START, settings.toArray(String[]::new));
		// a cold stub's first answer can take longer than the short read timeout on a busy machine
		try {
			HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(wireMock.baseUrl() + "/warm-up")).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException("the Twilio stub does not answer", e);
		}
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void anAnswerAfterTheTimeoutIsSettledSentFromTwiliosList() {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		twilio.answers(created("SM0000000000000000000000000000late").withFixedDelay(LATE));
		twilio.lists();
		messageList.hide(false);
		messageList.dateFrom(t);

		app.feed(customer("late-1", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("late-1", "late-1-o", t, "sms", t.plus(Duration.ofDays(5))));

		Outreach sms = app.only("late-1");
		assertThat(twilio.requests()).isEqualTo(1);
		assertThat(sms.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(sms.delivery().providerId()).isEqualTo(messageList.sidsTo(phone("late-1")).get(0));
		assertThat(sms.sentAt()).isEqualTo(t);
		assertThat(sms.statusReason()).startsWith("sent after all: Twilio lists it as SM");
		assertThat(app.bean(OutreachStore.class).history(sms.id())).extracting(StatusChange::status)
			.containsExactly(OutreachStatus.SCHEDULED, OutreachStatus.FAILED, OutreachStatus.SENT);
		assertThat(app.bean(OutreachStore.class).history(sms.id()).get(1).reason())
			.startsWith("may have gone out: no answer from Twilio after the request was sent");

		app.advance(Duration.ofDays(2));
		assertThat(twilio.requests()).isEqualTo(1);
		assertThat(app.outreach("late-1")).hasSize(1);
	}

	@Test
	void unlistedOrUnknownItStaysFailedAndIsNeverSentAgain() {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		twilio.answers(created("SM0000000000000000000000000000late").withFixedDelay(LATE));
		twilio.lists();
		messageList.hide(true);

		app.feed(customer("late-2", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("late-2", "late-2-o", t, "sms", t.plus(Duration.ofDays(5))));
		twilio.listFails(503);
		app.feed(customer("late-3", t.plusSeconds(60), "America/Sao_Paulo", "en", true, true));
		app.feed(order("late-3", "late-3-o", t.plusSeconds(60), "sms", t.plus(Duration.ofDays(5))));
		app.advance(Duration.ofDays(2));

		Outreach unlisted = app.only("late-2");
		assertThat(unlisted.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(unlisted.delivery().providerCode()).isEqualTo(DeliveryResult.UNCERTAIN);
		assertThat(unlisted.statusReason()).startsWith("may have gone out: no answer from Twilio")
			.contains("Twilio lists no message with this text");
		Outreach unknown = app.only("late-3");
		assertThat(unknown.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(unknown.statusReason()).startsWith("may have gone out: ").contains("Twilio could not be asked");
		// one request each, no retry, and no email fallback
		assertThat(twilio.requests()).isEqualTo(2);
		assertThat(twilio.listRequests()).isEqualTo(2);
		assertThat(greenMail.getReceivedMessages()).noneMatch(m -> recipient(m).startsWith("late-"));
	}

	@Test
	void whileOneMayHaveGoneOutNoOtherRuleSendsAboutTheSameProblem() {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		twilio.answers(created("SM0000000000000000000000000000late").withFixedDelay(LATE),
				error(400, 21211, "The 'To' number is not a valid phone number."));
		twilio.lists();
		messageList.hide(true);
		// "twice": one rule sends an SMS at once, another an email about the same problem once the order ships
		app.feed(customer("twice-1", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("twice-1", "twice-1-o", t, "twice", t.plus(Duration.ofDays(5))));
		app.feed(customer("twice-2", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("twice-2", "twice-2-o", t, "twice", t.plus(Duration.ofDays(5))));
		assertThat(app.only("twice-1").delivery().providerCode()).isEqualTo(DeliveryResult.UNCERTAIN);
		assertThat(app.only("twice-2").delivery().providerCode()).isEqualTo("21211");

		app.feed(shipped("twice-1", "twice-1-o", t.plus(Duration.ofHours(1))));
		app.feed(shipped("twice-2", "twice-2-o", t.plus(Duration.ofHours(1))));

		// the SMS that may have gone out counts as gone out; the one Twilio refused does not
		assertThat(app.outreach("twice-1")).singleElement()
			.satisfies(o -> assertThat(o.channel()).isEqualTo("sms"));
		assertThat(app.outreach("twice-2")).extracting(Outreach::channel, Outreach::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sms", OutreachStatus.FAILED),
					org.assertj.core.groups.Tuple.tuple("email", OutreachStatus.SENT));
		assertThat(greenMail.getReceivedMessages()).noneMatch(m -> recipient(m).startsWith("twice-1@"));
	}

	@Test
	void anInterruptedSmsIsSettledSentFromTwiliosList() {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		twilio.accepts("SM0000000000000000000000000000sent");
		twilio.lists();
		messageList.hide(false);
		app.feed(customer("crash-2", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("crash-2", "crash-2-o", t, "sms-later", t.plus(Duration.ofDays(5))));
		Outreach waiting = app.only("crash-2");
		assertThat(waiting.sendAt()).isEqualTo(t.plus(Duration.ofHours(1)));

		// the send as the dispatcher starts it, then the process "dies" after Twilio took the message
		assertThat(app.bean(AttemptStore.class).claim(waiting, 0, waiting.sendAt())).isTrue();
		messageList.dateFrom(waiting.sendAt());
		app.bean(ChannelDispatch.class).deliver(app.bean(MessageVariables.class)
			.message(waiting, app.bean(CustomerStateStore.class).load("crash-2"), null), waiting.sendAt());
		assertThat(twilio.requests()).isEqualTo(1);

		app.advance(Duration.ofHours(2));

		Outreach settled = app.only("crash-2");
		assertThat(twilio.requests()).isEqualTo(1);
		assertThat(settled.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(settled.delivery().providerId()).isEqualTo(messageList.sidsTo(phone("crash-2")).get(0));
		assertThat(settled.sentAt()).isEqualTo(waiting.sendAt());
		assertThat(app.bean(OutreachStore.class).history(settled.id()).get(1).reason())
			.startsWith("may have gone out: interrupted while sending (attempt 1");
	}

	private static String shipped(String customerId, String orderId, Instant at) {
		return TestEvents.simple(orderId + "-shipped", "order.shipped", at, customerId, orderId,
				"{\"carrier\":\"Correios\",\"trackingNumber\":\"BR123\",\"estimatedDelivery\":\"" + at.plus(
						Duration.ofDays(2)) + "\"}");
	}

	private static String recipient(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
