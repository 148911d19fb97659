package org.forewarn.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A customer name written as HTML reaches the customer as text: escaped in the HTML part of the email, as typed in
 * its text part and in the SMS. The whole path runs: the customer event, the rules, the shipped templates, real SMTP
 * (GreenMail) and the real Twilio SDK against a stub.
 */
class HostileNameTest {

	private static final String HOSTILE = "<a href=\"https://evil.example\">Claim your refund</a>";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	Path templates;

	@Test
	void aNameWrittenAsHtmlIsEscapedInHtmlAndKeptAsTypedInTextAndSms() throws Exception {
		// the shipped templates, with an SMS that greets by name (none of the shipped ones does)
		try (Stream<Path> files = Files.list(Path.of("config/templates"))) {
			for (Path file : files.toList()) {
				Files.copy(file, templates.resolve(file.getFileName()));
			}
		}
		Files.writeString(templates.resolve("shipment_late.sms.txt"), "Hi {{name|there}}, order {{orderId}} is late.");
		TwilioStub twilio = new TwilioStub(wireMock);
		twilio.accepts("SM00000000000000000000000000000009");
		Instant start = Instant.parse("2026-03-02T14:00:00Z");
		try (SimulatedForewarn app = SimulatedForewarn.start(start, "--forewarn.rules=src/test/resources/guardrail-rules",
				"--forewarn.channels.templates=" + templates, "--spring.mail.host=localhost",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(), "--forewarn.links.public-url=http://forewarn.test",
				"--forewarn.links.secret=test-secret", twilio.settings()[0], twilio.settings()[1],
				twilio.settings()[2], twilio.settings()[3])) {
			String customer = TestEvents.customer("hostile-1", start, "UTC", "en", true, true)
				.replace("Ana Souza", HOSTILE.replace("\"", "\\\""));
			app.feed(customer);
			app.feed(TestEvents.order("hostile-1", "hostile-1-e", start, "email", start.plus(Duration.ofDays(5))));
			app.feed(TestEvents.order("hostile-1", "hostile-1-s", start, "sms", start.plus(Duration.ofDays(5))));
		}

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		String html = Mails.part(received[0], "text/html");
		assertThat(html).contains("<p>Hello &lt;a href&#x3D;&quot;https://evil.example&quot;&gt;Claim your refund"
				+ "&lt;/a&gt;,</p>")
			.doesNotContain("evil.example\"")
			.doesNotContain("<a href=\"https://evil")
			// the link the template itself puts there is still a link, its & escaped as HTML wants
			.contains("<a href=\"http://forewarn.test/unsubscribe?c&#x3D;hostile-1&amp;sig&#x3D;");
		assertThat(Mails.text(received[0])).startsWith("Hello " + HOSTILE + ",\n");
		wireMock.verify(1, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES))
			.withFormParam("Body", equalTo("Hi " + HOSTILE + ", order hostile-1-s is late.")));
	}
}
