package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.forewarn.shared.Utf8Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * What happens without SMTP/Twilio (recording); how templates render (escaping in HTML only, text for empty values,
 * languages); and how a broken or missing template stops a send.
 */
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
	void aTemplateSavedWithAByteOrderMarkKeepsItsSubject() throws Exception {
		Files.writeString(templates.resolve("notepad.email.txt"), "\uFEFFSubject: Welcome {{name}}\r\n\r\nHello!\r\n");

		dispatch.deliver(email("out-bom", "notepad", Map.of("name", "Ada")), Instant.now());

		StoredMessage stored = dispatch.message("out-bom").orElseThrow();
		assertThat(stored.subject()).isEqualTo("Welcome Ada");
		assertThat(stored.body()).doesNotContain("\uFEFF", "Subject");
	}

	@Test
	void theSubjectLineIsFoundInAnyCaseAfterBlankLinesAndWithSpacesBeforeItsColon() throws Exception {
		Files.writeString(templates.resolve("loose.email.txt"),
				"\r\n  SUBJECT :  Order {{orderId}}  \r\n\r\nOn its way.\r\n");

		dispatch.deliver(email("out-s1", "loose", Map.of("orderId", "ORD-7")), Instant.now());

		StoredMessage stored = dispatch.message("out-s1").orElseThrow();
		assertThat(stored.subject()).isEqualTo("Order ORD-7");
		assertThat(stored.body()).isEqualTo("On its way.\r\n");
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

	@Test
	void unknownPlaceholderInAPartNotShownStillStopsTheSend() throws Exception {
		// line 3 is only written for a customer without a name: it must fail for Ada too, not only for them
		Files.writeString(templates.resolve("hidden.email.txt"),
				"Subject: Hi\n\n{{^name}}\nDear {{salutation}},\n{{/name}}\nHello {{name}}.\n");

		DeliveryResult result = dispatch.deliver(email("out-t3", "hidden", Map.of("name", "Ada")), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.reason()).isEqualTo("template: hidden.email.txt:4: unknown placeholder {{salutation}}; "
				+ "known: name");
	}

	@Test
	void aTemplateThatIsNotValidMustacheFailsNamingFileAndLine() throws Exception {
		Files.writeString(templates.resolve("unclosed.email.txt"),
				"Subject: Hi\n\n{{#carrier}}\nWith {{carrier}}.\n{{/carier}}\n");

		DeliveryResult result = dispatch.deliver(email("out-t4", "unclosed", Map.of("carrier", "DHL")),
				Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.reason()).startsWith("template: unclosed.email.txt:5: ").contains("carier");
		assertThat(dispatch.message("out-t4")).isEmpty();
	}

	@Test
	void aTemplateSavedInAnotherEncodingFailsTheSendNamingFileAndLine() throws Exception {
		Files.write(templates.resolve("latin1.email.txt"),
				"Subject: Ol\u00e1 {{name}}\n\nSeu pedido n\u00e3o saiu.\n".getBytes(StandardCharsets.ISO_8859_1));

		DeliveryResult result = dispatch.deliver(email("out-t5", "latin1", Map.of("name", "Ana")), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.reason()).isEqualTo("template: latin1.email.txt:1: not UTF-8 text (saved in another "
				+ "encoding, such as Latin-1?); save the file as UTF-8");
		assertThat(dispatch.message("out-t5")).isEmpty();
		assertThat(new TemplateRenderer(templates, Locale.ENGLISH).check(Set.of("name", "orderId")))
			.contains("latin1.email.txt:1: " + Utf8Text.NOT_UTF_8);
	}

	@Test
	void textForAnEmptyValueWithTheDefaultSyntaxAndWithSections() throws Exception {
		Files.writeString(templates.resolve("greeting.sms.txt"),
				"Hi {{name|there}}, {{ firstName |friend}}!{{#carrier}} With {{carrier}}.{{/carrier}}\n");
		TemplateRenderer renderer = new TemplateRenderer(templates, Locale.ENGLISH);

		String named = renderer.render(sms("greeting", Map.of("name", "Ada Lovelace", "firstName", "Ada", "carrier",
				"DHL"))).text();
		String unnamed = renderer.render(sms("greeting", Map.of("name", "", "firstName", "", "carrier", ""))).text();

		assertThat(named).isEqualTo("Hi Ada Lovelace, Ada! With DHL.\n");
		assertThat(unnamed).isEqualTo("Hi there, friend!\n");
	}

	@Test
	void htmlTemplatesEscapeValuesAndTextTemplatesKeepThemAsTyped() throws Exception {
		Files.writeString(templates.resolve("welcome.email.html"),
				"<p>Hello {{name|there}}</p>\n<p><a href=\"{{unsubscribeUrl}}\">Stop</a></p>\n");
		String hostile = "<a href=\"https://evil.example\">x</a> & 'co'";
		String url = "https://shop.test/unsubscribe?c=ada&sig=abc";
		TemplateRenderer renderer = new TemplateRenderer(templates, Locale.ENGLISH);

		RenderedMessage rendered = renderer.render(email("out-h1", "welcome", Map.of("name", hostile,
				"unsubscribeUrl", url)));

		assertThat(rendered.subject()).isEqualTo("Welcome " + hostile);
		assertThat(rendered.text()).isEqualTo("Hello " + hostile + "!\n");
		assertThat(rendered.html()).isEqualTo("<p>Hello &lt;a href&#x3D;&quot;https://evil.example&quot;&gt;x"
				+ "&lt;/a&gt; &amp; &#39;co&#39;</p>\n"
				+ "<p><a href=\"https://shop.test/unsubscribe?c&#x3D;ada&amp;sig&#x3D;abc\">Stop</a></p>\n");
	}

	@Test
	void theUnsubscribeLinkAddedToHtmlIsEscaped() throws Exception {
		Files.writeString(templates.resolve("welcome.email.html"), "<p>Hello {{name}}</p>\n");
		String url = "https://shop.test/unsubscribe?c=ada&sig=abc";
		OutgoingMessage message = new OutgoingMessage("out-h2", "email", "welcome", "ada@example.com",
				Locale.ENGLISH, Map.of("name", "Ada"), url);
		Capture sent = new Capture();
		ChannelDispatch dispatch = new ChannelDispatch(List.of(sent), new TemplateRenderer(templates, Locale.ENGLISH),
				new TableRenderedMessages(ChannelTestSupport.migratedH2(), false));

		dispatch.deliver(message, Instant.now());

		assertThat(sent.last.text()).endsWith("\n\n--\nUnsubscribe: " + url + "\n");
		assertThat(sent.last.html()).endsWith("<p><a href=\"https://shop.test/unsubscribe?c&#x3D;ada&amp;sig&#x3D;abc\">"
				+ "Unsubscribe</a></p>\n").doesNotContain("c=ada&sig");
	}

	@Test
	void aMissingLanguageFallsBackToTheFallbackLocaleWithDatesInThatLanguage() throws Exception {
		Files.writeString(templates.resolve("due.email.txt"), "Subject: Due {{promisedBy}}\n\nPlain.\n");
		Files.writeString(templates.resolve("due.email.pt.txt"), "Subject: Prazo {{promisedBy}}\n\nPt.\n");
		Files.writeString(templates.resolve("due.email.en.txt"), "Subject: Due by {{promisedBy}}\n\nEn.\n");
		Map<String, Object> values = Map.of("promisedBy",
				ZonedDateTime.of(2026, 3, 31, 22, 0, 0, 0, ZoneId.of("America/Sao_Paulo")));
		TemplateRenderer renderer = new TemplateRenderer(templates, Locale.ENGLISH);

		RenderedMessage brazil = renderer.render(withLocale("pt-BR", values));
		RenderedMessage german = renderer.render(withLocale("de-DE", values));
		RenderedMessage unknown = renderer.render(new OutgoingMessage("o", "email", "due", "a@b.c", null, values));

		assertThat(brazil.subject()).isEqualTo("Prazo 31 de março de 2026");
		// no German file: the fallback locale's file, and its language for the date too
		assertThat(german.subject()).isEqualTo("Due by March 31, 2026");
		assertThat(unknown.subject()).isEqualTo("Due by March 31, 2026");
		Files.delete(templates.resolve("due.email.en.txt"));
		assertThat(renderer.render(withLocale("de-DE", values)).subject()).isEqualTo("Due March 31, 2026");
	}

	@Test
	void anEditedTemplateCountsFromTheNextMessageOn() throws Exception {
		TemplateRenderer renderer = new TemplateRenderer(templates, Locale.ENGLISH);
		assertThat(renderer.render(sms("ping", Map.of("orderId", "A"))).text()).isEqualTo("Order A update.\n");

		Files.writeString(templates.resolve("ping.sms.txt"), "Order {{orderId}} is on its way.\n");

		assertThat(renderer.render(sms("ping", Map.of("orderId", "A"))).text()).isEqualTo("Order A is on its way.\n");

		// an edit that keeps the size and the modification time still counts: the text itself is compared
		Path ping = templates.resolve("ping.sms.txt");
		FileTime modified = Files.getLastModifiedTime(ping);
		Files.writeString(ping, "Order {{orderId}} is on its WAY.\n");
		Files.setLastModifiedTime(ping, modified);

		assertThat(renderer.render(sms("ping", Map.of("orderId", "A"))).text()).isEqualTo("Order A is on its WAY.\n");
	}

	@Test
	void checkListsEveryProblemInTheFolderAndPlaceholdersAreListed() throws Exception {
		Files.writeString(templates.resolve("unclosed.email.html"), "<p>{{#name}}Hi {{name}}</p>\n");
		TemplateRenderer renderer = new TemplateRenderer(templates, Locale.ENGLISH);

		List<String> problems = renderer.check(Set.of("name", "orderId"));

		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).isEqualTo("broken.email.txt:3: unknown placeholder {{trackingCode}}; "
				+ "known: name, orderId");
		assertThat(problems.get(1)).startsWith("unclosed.email.html:1: ").contains("name");
		assertThat(MessageTemplate.compile(templates.resolve("x.sms.txt"), "{{a|none}}\n{{#b}}{{c}}{{/b}}{{{d}}}",
				Locale.ENGLISH).placeholders()).containsExactly(new MessageTemplate.Placeholder("a", 1),
						new MessageTemplate.Placeholder("b", 2), new MessageTemplate.Placeholder("c", 2),
						new MessageTemplate.Placeholder("d", 2));
	}

	@Test
	void theShippedTemplatesAllCompileWithTheValuesMessagesCarry() {
		Set<String> known = Set.of("customerId", "name", "firstName", "problem", "orderId", "promisedBy", "shipBy",
				"estimatedDelivery", "carrier", "trackingNumber", "exceptionCode", "unsubscribeUrl", "fallbackFrom",
				"fallbackReason",
				// the lead's escalation email about an overdue follow-up task (followup_escalation) carries these;
				// templates that rules name are checked against the customer values alone by `validate`
				"title", "dueAt", "overdue", "taskId", "rule");

		assertThat(new TemplateRenderer(Path.of("config/templates"), Locale.ENGLISH).check(known)).isEmpty();
	}

	private static OutgoingMessage sms(String template, Map<String, ?> variables) {
		return new OutgoingMessage("out-s", "sms", template, "+15550001111", Locale.ENGLISH, variables);
	}

	private static OutgoingMessage withLocale(String locale, Map<String, ?> variables) {
		return new OutgoingMessage("out-d", "email", "due", "ana@example.com", Locale.forLanguageTag(locale),
				variables);
	}

	private static OutgoingMessage email(String outreachId, String template, Map<String, String> variables) {
		return new OutgoingMessage(outreachId, "email", template, "ada@example.com", Locale.ENGLISH, variables);
	}

	/** An email sender that keeps what it was given, to see the parts exactly as a real sender gets them. */
	private static final class Capture implements Sender {

		RenderedMessage last;

		@Override
		public String channel() {
			return "email";
		}

		@Override
		public String mode() {
			return "captured by the test";
		}

		@Override
		public boolean isRecording() {
			return true;
		}

		@Override
		public Handover prepare(OutgoingMessage message, RenderedMessage content) {
			return () -> {
				last = content;
				return DeliveryResult.sent("captured", null);
			};
		}
	}
}
