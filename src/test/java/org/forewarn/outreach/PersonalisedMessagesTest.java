package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.forewarn.Mails;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.TwilioStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Messages in the customer's language with dates in their zone, from the shipped templates (pt-BR variants for the
 * Brazilian customers, English as the fallback locale); a template that does not render stops its send.
 */
class PersonalisedMessagesTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static Path templates;

	static SimulatedForewarn app;

	@BeforeAll
	static void start() throws IOException {
		// the shipped templates, plus one that is broken on purpose
		try (Stream<Path> files = Files.list(Path.of("config/templates"))) {
			for (Path file : files.toList()) {
				Files.copy(file, templates.resolve(file.getFileName()));
			}
		}
		Files.writeString(templates.resolve("broken_for_test.email.txt"),
				"Subject: Order {{orderId}}\n\nHello {{name}},\nyour {{parcelColour}} parcel is late.\n");
		app = GuardrailApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock),
				"--forewarn.channels.templates=" + templates);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void freshMailbox() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		new TwilioStub(wireMock).accepts("SM00000000000000000000000000000003");
	}

	@Test
	void aBrazilianCustomerReadsPortugueseWithDatesInTheirOwnZone() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		// 02:00 UTC on the 1st is still the evening of the 31st in São Paulo
		Instant promised = Instant.parse("2026-04-01T02:00:00Z");
		app.advanceTo(t);
		app.feed(customer("br-1", "Ana Souza", "pt-BR"));
		app.feed(order("br-1", "br-1-e", app.now(), "email", promised));
		app.feed(order("br-1", "br-1-s", app.now(), "sms", promised));

		MimeMessage mail = greenMail.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Seu pedido br-1-e pode chegar depois de 31 de março de 2026");
		assertThat(Mails.text(mail)).startsWith("Olá, Ana!\n").contains("Desculpe pelo atraso.")
			.contains("Para não receber mais estes e-mails: " + GuardrailApps.PUBLIC_URL + "/unsubscribe?c=br-1&sig=");
		assertThat(Mails.part(mail, "text/html")).contains("<p>Olá, Ana!</p>", "<strong>31 de março de 2026</strong>");
		wireMock.verify(1, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES)).withRequestBody(
				containing("Body=Seu+pedido+br-1-s+pode+chegar+depois+de+31+de+mar%C3%A7o+de+2026")));
	}

	@Test
	void aLanguageWithoutTemplatesFallsBackToEnglishThroughout() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.advanceTo(t);
		app.feed(customer("de-1", null, "de-DE"));
		app.feed(order("de-1", "de-1-e", app.now(), "email", Instant.parse("2026-04-01T02:00:00Z")));

		MimeMessage mail = greenMail.getReceivedMessages()[0];
		// English text, English date: the fallback locale's, not German inside an English sentence
		assertThat(mail.getSubject()).isEqualTo("Your order de-1-e may arrive after March 31, 2026");
		assertThat(Mails.text(mail)).startsWith("Hello there,\n");
	}

	@Test
	void aTemplateThatDoesNotRenderStopsItsSendWithTheReason() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.advanceTo(t);
		app.feed(customer("bt-1", "Ana Souza", "en"));
		app.feed(order("bt-1", "bt-1-e", app.now(), "broken", t.plus(Duration.ofDays(5))));

		Outreach failed = app.only("bt-1");
		assertThat(failed.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(failed.statusReason()).startsWith("template: broken_for_test.email.txt:4: unknown placeholder "
				+ "{{parcelColour}}; known: ");
		assertThat(failed.delivery().providerCode()).isEqualTo("template");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		app.advance(Duration.ofDays(1));
		// no other channel can mend a broken template: no fallback, and nothing was sent
		assertThat(app.outreach("bt-1")).hasSize(1);
	}

	private static String customer(String id, String name, String locale) {
		String json = TestEvents.customer(id, app.now(), "America/Sao_Paulo", locale, true, true);
		return name == null ? json.replace(",\"name\":\"Ana Souza\"", "") : json.replace("Ana Souza", name);
	}
}
