package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** What happens without SMTP/Twilio (recording), and how a broken or missing template stops a send. */
class TemplateAndRecordingTest {

	@TempDir
	Path templates;

	private ChannelDispatch dispatch;

	@BeforeEach
	void setUp() throws Exception {
		Files.writeString(templates.resolve("welcome.email.txt"), "Subject: Welcome {{name}}\n\nHello {{name}}!\n");
		// {{trackingCode}} on line 3 is not a variable the message carries
		Files.writeString(templates.resolve("broken.email.txt"),
				"Subject: Order {{orderId}}\n\nTrack it with {{trackingCode}}.\n");
		Files.writeString(templates.resolve("ping.sms.txt"), "Order {{orderId}} update.\n");
		// no JavaMailSender and no Twilio SID: what a fresh install with the default config/application.yml has
		ChannelSettings settings = ChannelTestSupport.settings(templates, "x <x@shop.test>",
				ChannelTestSupport.noSms());
		dispatch = ChannelTestSupport.dispatch(settings, null, new MockEnvironment(),
				ChannelTestSupport.migratedH2());
	}

	@Test
	void withoutSmtpEmailIsRecordedNotSent() {
		DeliveryResult result = dispatch.deliver(email("out-r1", "welcome", Map.of("name", "Ada")), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
		assertThat(result.reason()).startsWith("recorded, not sent").contains("spring.mail.host");
		StoredMessage stored = dispatch.message("out-r1").orElseThrow();
		assertThat(stored.recorded()).isTrue();
		assertThat(stored.channel()).isEqualTo("email");
		assertThat(stored.recipient()).isEqualTo("ada@example.com");
		assertThat(stored.subject()).isEqualTo("Welcome Ada");
		assertThat(stored.body()).isEqualTo("Hello Ada!\n");
		// health and the UI must be able to tell the operator that nothing really goes out
		assertThat(dispatch.anyRecording()).isTrue();
		assertThat(dispatch.modes().get("email")).startsWith("recording only");
		assertThat(dispatch.modes().get("sms")).startsWith("recording only").contains("account-sid");
	}

	@Test
	void withoutTwilioSmsIsRecordedNotSent() {
		OutgoingMessage sms = new OutgoingMessage("out-r2", "sms", "ping", "+15552223333", Locale.ENGLISH,
				Map.of("orderId", "ORD-7"));

		DeliveryResult result = dispatch.deliver(sms, Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
		assertThat(result.reason()).startsWith("recorded, not sent").contains("Twilio not configured");
		assertThat(dispatch.message("out-r2").orElseThrow().body()).isEqualTo("Order ORD-7 update.\n");
	}

	@Test
	void unknownPlaceholderFailsNamingFileLineAndPlaceholder() {
		DeliveryResult result = dispatch.deliver(email("out-t1", "broken", Map.of("orderId", "ORD-9")),
				Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.reason()).startsWith("template: broken.email.txt:3: unknown placeholder {{trackingCode}}")
			.contains("known: orderId");
		assertThat(dispatch.message("out-t1")).isEmpty();
	}

	@Test
	void missingTemplateFailsNamingTheExpectedFile() {
		DeliveryResult result = dispatch.deliver(email("out-t2", "nowhere", Map.of()), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.reason()).contains("template 'nowhere' for email not found")
			.contains(templates.resolve("nowhere.email.txt").toString());
		assertThat(dispatch.message("out-t2")).isEmpty();
	}

	@Test
	void localeSpecificTemplateWinsOverThePlainOne() throws Exception {
		Files.writeString(templates.resolve("welcome.email.pt-BR.txt"), "Subject: Bem-vinda {{name}}\n\nOlá!\n");
		OutgoingMessage message = new OutgoingMessage("out-l1", "email", "welcome", "ana@example.com",
				Locale.forLanguageTag("pt-BR"), Map.of("name", "Ana"));

		dispatch.deliver(message, Instant.now());

		assertThat(dispatch.message("out-l1").orElseThrow().subject()).isEqualTo("Bem-vinda Ana");
	}

	private static OutgoingMessage email(String outreachId, String template, Map<String, String> variables) {
		return new OutgoingMessage(outreachId, "email", template, "ada@example.com", Locale.ENGLISH, variables);
	}
}
