package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.order;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.forewarn.HttpCaller;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reviewer approved is exactly what goes out, whatever happens to the template afterwards; and a failure that
 * needs a person is sent again as a new record linked by {@code resendOf}, or let be, one by one or in bulk, with
 * the signed-in user recorded as who did it.
 */
class ApprovalAndResendTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String BROKEN = "Subject: Order {{orderId}}\n\nHello {{name}},\nyour {{parcelColour}} parcel.\n";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static Path templates;

	static SimulatedForewarn app;
	static HttpCaller reviewer;
	static HttpCaller support;

	@BeforeAll
	static void start() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("config/templates"))) {
			for (Path file : files.toList()) {
				Files.copy(file, templates.resolve(file.getFileName()));
			}
		}
		app = GuardrailApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock),
				"--forewarn.channels.templates=" + templates);
		reviewer = app.asNewUser("rita", "reviewer");
		support = app.asNewUser("sam", "support");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void freshMailbox() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		Files.writeString(templates.resolve("broken_for_test.email.txt"), BROKEN);
	}

	@Test
	void theMessageApprovedIsSentAsItWasApprovedAfterTheTemplateChanges() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.advanceTo(t);
		app.feed(TestEvents.customer("ap-1", t, "America/Sao_Paulo", "pt-BR", true, false));
		app.feed(order("ap-1", "ap-1-o", t, "review", Instant.parse("2026-04-01T02:00:00Z")));
		String id = app.only("ap-1").id();

		assertThat(support.get("/api/outreach/" + id + "/preview").statusCode()).isEqualTo(403);
		JsonNode preview = json(reviewer.get("/api/outreach/" + id + "/preview"));
		assertThat(preview.get("subject").asString())
			.isEqualTo("Seu pedido ap-1-o pode chegar depois de 31 de março de 2026");
		assertThat(reviewer.post("/api/outreach/" + id + "/approve", "{\"note\":\"fine\"}").statusCode())
			.isEqualTo(200);
		// an operator edits the templates after the approval, before the send
		Path text = templates.resolve("shipment_late.email.pt-BR.txt");
		Path html = templates.resolve("shipment_late.email.pt-BR.html");
		String oldText = Files.readString(text);
		String oldHtml = Files.readString(html);
		try {
			Files.writeString(text, "Subject: CHANGED {{orderId}}\n\nChanged text.\n");
			Files.writeString(html, "<p>Changed html.</p>\n");
			app.advance(Duration.ofSeconds(1));
		}
		finally {
			Files.writeString(text, oldText);
			Files.writeString(html, oldHtml);
		}

		assertThat(app.only("ap-1").status()).isEqualTo(OutreachStatus.SENT);
		MimeMessage mail = greenMail.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo(preview.get("subject").asString());
		assertThat(Mails.text(mail)).isEqualTo(preview.get("text").asString()).startsWith("Olá, Ana!")
			.doesNotContain("Changed");
		assertThat(Mails.part(mail, "text/html")).contains("Olá, Ana!").doesNotContain("Changed");
		List<StatusChange> history = app.bean(OutreachStore.class).history(id);
		assertThat(history).filteredOn(c -> c.reason().startsWith("approved by"))
			.singleElement().satisfies(c -> {
				assertThat(c.actor()).isEqualTo("rita");
				assertThat(c.reason()).isEqualTo("approved by rita: fine");
			});
		assertThat(history.get(0).actor()).as("decided by a rule, not a person").isNull();
	}

	@Test
	void aFailureWithoutFallbackIsSentAgainAsANewLinkedRecordOnce() throws Exception {
		String failed = brokenSend("rs-1");
		assertThat(ids(support.get("/api/outreach/failed"))).contains(failed);
		assertThat(support.post("/api/outreach/" + failed + "/resend", "{}").statusCode()).isEqualTo(403);
		assertThat(reviewer.post("/api/outreach/" + failed + "/resend", "{\"by\":\"someone\"}").statusCode())
			.as("the actor is the signed-in user, never the body").isEqualTo(400);

		// the person mends the template half an hour later, then sends the message again
		app.advance(Duration.ofMinutes(30));
		Instant acted = app.now();
		Files.writeString(templates.resolve("broken_for_test.email.txt"), "Subject: Order {{orderId}}\n\nMended.\n");
		HttpResponse<String> resent = reviewer.post("/api/outreach/" + failed + "/resend",
				"{\"note\":\"template fixed\"}");
		assertThat(resent.statusCode()).as(resent.body()).isEqualTo(201);
		JsonNode record = json(resent).get("record");
		String again = record.get("id").asString();
		assertThat(again).isNotEqualTo(failed);
		assertThat(record.get("resendOf").asString()).isEqualTo(failed);
		assertThat(record.get("status").asString()).isEqualTo("SCHEDULED");
		app.advance(Duration.ofSeconds(1));

		Outreach old = app.bean(OutreachStore.class).find(failed).orElseThrow();
		Outreach sent = app.bean(OutreachStore.class).find(again).orElseThrow();
		assertThat(old.status()).as("statuses only move forward").isEqualTo(OutreachStatus.FAILED);
		assertThat(old.handled().by()).isEqualTo("rita");
		assertThat(sent.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(Mails.text(greenMail.getReceivedMessages()[0])).startsWith("Mended.");
		assertThat(app.bean(OutreachStore.class).history(failed)).last().satisfies(c -> {
			assertThat(c.reason()).isEqualTo("sent again as " + again + " by rita: template fixed");
			assertThat(c.actor()).isEqualTo("rita");
		});
		assertThat(app.bean(OutreachStore.class).history(again).get(0)).satisfies(c -> {
			assertThat(c.actor()).isEqualTo("rita");
			assertThat(c.at()).as("when the person acted, not when the failed record was decided").isEqualTo(acted);
		});

		assertThat(reviewer.post("/api/outreach/" + failed + "/resend", "{}").statusCode()).isEqualTo(409);
		assertThat(reviewer.post("/api/outreach/" + failed + "/acknowledge", "{}").statusCode()).isEqualTo(409);
		assertThat(reviewer.post("/api/outreach/" + again + "/resend", "{}").statusCode())
			.as("a record that went out is not sent again").isEqualTo(409);
		assertThat(ids(support.get("/api/outreach/failed"))).doesNotContain(failed);
	}

	@Test
	void manyAreLetBeOrSentAgainInOneRequestWithAnAnswerPerId() throws Exception {
		String first = brokenSend("bk-1");
		String second = brokenSend("bk-2");

		JsonNode letBe = json(reviewer.post("/api/outreach/acknowledge",
				"{\"ids\":[\"" + first + "\",\"nothing-here\"],\"note\":\"provider incident, customers called\"}"));
		assertThat(letBe.get("done").asInt()).isEqualTo(1);
		assertThat(letBe.get("answers").get(0).get("outcome").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(letBe.get("answers").get(1).get("outcome").asString()).isEqualTo("NOT_FOUND");

		JsonNode resent = json(reviewer.post("/api/outreach/resend",
				"{\"ids\":[\"" + first + "\",\"" + second + "\"]}"));
		assertThat(resent.get("answers").get(0).get("outcome").asString()).isEqualTo("CONFLICT");
		assertThat(resent.get("answers").get(0).get("message").asString()).contains("handled by rita");
		assertThat(resent.get("answers").get(1).get("outcome").asString()).isEqualTo("RESENT");
		assertThat(resent.get("answers").get(1).get("record").get("resendOf").asString()).isEqualTo(second);

		Outreach letBeRecord = app.bean(OutreachStore.class).find(first).orElseThrow();
		assertThat(letBeRecord.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(app.bean(OutreachStore.class).history(first)).last().satisfies(c -> {
			assertThat(c.reason()).isEqualTo("let be by rita: provider incident, customers called");
			assertThat(c.actor()).isEqualTo("rita");
		});
		assertThat(app.outreach("bk-1")).hasSize(1);
		assertThat(reviewer.post("/api/outreach/resend", "{\"ids\":[]}").statusCode()).isEqualTo(400);
		assertThat(reviewer.post("/api/outreach/resend", "{\"ids\":[42]}").statusCode()).isEqualTo(400);
	}

	private static String brokenSend(String customerId) {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		app.advanceTo(t);
		app.feed(TestEvents.customer(customerId, t, "America/Sao_Paulo", "en", true, false));
		app.feed(order(customerId, customerId + "-o", t, "broken", t.plus(Duration.ofDays(5))));
		Outreach failed = app.only(customerId);
		assertThat(failed.status()).isEqualTo(OutreachStatus.FAILED);
		return failed.id();
	}

	private static List<String> ids(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		json(response).forEach(o -> ids.add(o.get("id").asString()));
		return ids;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
