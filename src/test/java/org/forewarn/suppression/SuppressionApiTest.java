package org.forewarn.suppression;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.phone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suppression list through its API (add, list, remove, CSV import, with errors that name the field or line), and
 * what it does to outreach: SUPPRESSED with the entry's reason, and the rule's fallback channel as for consent.
 */
class SuppressionApiTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

	static SimulatedForewarn app;

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@BeforeAll
	static void start() {
		TwilioStub stub = new TwilioStub(wireMock);
		List<String> settings = new java.util.ArrayList<>(List.of(
				"--forewarn.rules=src/test/resources/guardrail-rules", "--spring.mail.host=localhost",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(), "--forewarn.links.public-url=http://forewarn.test",
				"--forewarn.links.secret=test-secret", "--forewarn.suppressions.import-max-bytes=4KB",
				"--forewarn.suppressions.import-max-lines=20"));
		settings.addAll(List.of(stub.settings()));
		app = SimulatedForewarn.start(START, settings.toArray(String[]::new));
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
	void anAddressIsAddedNormalisedListedAndRemoved() throws Exception {
		HttpResponse<String> added = app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\" Someone@Example.COM \",\"reason\":\"asked by phone\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		JsonNode entry = JSON.readTree(added.body());
		assertThat(entry.get("address").asString()).isEqualTo("someone@example.com");
		assertThat(entry.get("source").asString()).isEqualTo("manual");
		assertThat(entry.get("createdBy").asString()).isEqualTo("admin");
		assertThat(app.post("/api/suppressions", "{\"channel\":\"sms\",\"address\":\"+55 (11) 91234-5678\"}")
			.statusCode()).isEqualTo(201);

		JsonNode sms = JSON.readTree(app.get("/api/suppressions?channel=sms&source=manual").body());
		assertThat(sms.get("total").asLong()).isEqualTo(1);
		assertThat(sms.get("items").get(0).get("address").asString()).isEqualTo("+5511912345678");
		JsonNode firstPage = JSON.readTree(app.get("/api/suppressions?size=1&page=0").body());
		assertThat(firstPage.get("items")).hasSize(1);
		assertThat(firstPage.get("total").asLong()).isGreaterThanOrEqualTo(2);

		assertThat(app.delete("/api/suppressions/email/SOMEONE@example.com").statusCode()).isEqualTo(204);
		assertThat(app.delete("/api/suppressions/email/someone@example.com").statusCode()).isEqualTo(404);
		assertThat(app.delete("/api/suppressions/sms/+5511912345678").statusCode()).isEqualTo(204);
	}

	@Test
	void badInputIsRefusedNamingTheField() throws Exception {
		assertBad(app.post("/api/suppressions", "{\"channel\":\"fax\",\"address\":\"a@b.example\"}"), "channel");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"not an address\"}"), "address");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"sms\",\"address\":\"011 912345678\"}"), "address");
		assertBad(app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\"a@b.example\",\"expiresAt\":\"next week\"}"), "expiresAt");
		assertBad(app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\"a@b.example\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"),
				"expiresAt");
		assertBad(app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\"yy@example.com\",\"expiresAt\":\"9999-12-31T00:00:00Z\"}"),
				"expiresAt: '9999-12-31T00:00:00Z' is after the year 2199");
		assertBad(app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\"yy@example.com\",\"until\":\"2026-12-31T00:00:00Z\"}"),
				"until: not accepted");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"yy@example.com\",\"by\":\"x\"}"),
				"by: not accepted");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"yy@example.com\",\"reason\":5}"),
				"reason: must be a string");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"<yy@example.com>\"}"), "address");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"yy\\u0000@example.com\"}"),
				"address");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"yy\\ud800@example.com\"}"),
				"address");
		assertBad(app.post("/api/suppressions", "{\"channel\":\"sms\",\"address\":\"+15550001111\\u0000\"}"),
				"address");
		assertBad(app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\"yy@example.com\",\"reason\":\"x\\ud800\"}"), "reason");
		assertThat(app.get("/api/suppressions?channel=email").body()).doesNotContain("yy");
		assertBad(app.get("/api/suppressions?source=pigeon"), "source");
		assertBad(app.get("/api/suppressions?size=5000"), "size");
	}

	@Test
	void anEntryStoredBeforeAddressesWereCheckedCanStillBeLifted() throws Exception {
		app.bean(JdbcClient.class).sql("insert into suppression (channel, address, reason, source, created_at, "
				+ "created_by) values ('email', '<old@example.com>', 'x', 'manual', ?, 'admin')")
			.param(org.forewarn.shared.StoredTime.utc(app.now())).update();

		assertThat(app.delete("/api/suppressions/email/%3COld@example.com%3E").statusCode()).isEqualTo(204);
		assertThat(app.get("/api/suppressions?channel=email").body()).doesNotContain("old@example.com");
		assertBad(app.delete("/api/suppressions/email/%3Cold@example.com%3E"), "address");
	}

	@Test
	void aCsvImportAddsEveryGoodLineAndNamesEachBadOne() throws Exception {
		String csv = """
				channel,address,reason
				email,Import-1@Example.com,"left the company, per HR"
				sms,+15550009999,
				fax,+15550009998,no such channel
				email,nobody-at-all,broken address

				email,import-2@example.com,too,many,fields
				email,"zz@example.com,asked
				email,<ww@example.com>,display form
				""";
		HttpResponse<String> imported = app.post("/api/suppressions/import", "text/csv", csv);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		JsonNode result = JSON.readTree(imported.body());
		assertThat(result.get("imported").asInt()).isEqualTo(2);
		assertThat(result.get("errors").toString()).contains("\"line\":4", "channel: 'fax'", "\"line\":5",
			"address: not an email address", "\"line\":7", "found 5", "\"line\":8", "quote", "\"line\":9",
			"address: not an email address (name@domain): '<'");
		assertThat(app.get("/api/suppressions?channel=email").body()).doesNotContain("zz@example.com", "ww@example");
		JsonNode listed = JSON.readTree(app.get("/api/suppressions?source=import&channel=email").body());
		assertThat(listed.get("items").get(0).get("address").asString()).isEqualTo("import-1@example.com");
		assertThat(listed.get("items").get(0).get("reason").asString()).isEqualTo("left the company, per HR");

		HttpResponse<String> headless = app.post("/api/suppressions/import", "text/csv", "email,a@b.example,x\n");
		assertBad(headless, "line 1");
		HttpResponse<String> huge = app.post("/api/suppressions/import", "text/csv",
				"channel,address,reason\n" + "email,x@example.com,spam\n".repeat(400));
		assertThat(huge.statusCode()).isEqualTo(413);
		HttpResponse<String> tooManyLines = app.post("/api/suppressions/import", "text/csv",
				"channel,address,reason\n" + "email,y@example.com,spam\n".repeat(21));
		assertBad(tooManyLines, "more than 20 lines");
		assertThat(app.get("/api/suppressions?source=import").body()).doesNotContain("x@example.com",
				"y@example.com");
		assertThat(app.post("/api/suppressions/import", "text/plain", "channel,address,reason\n").statusCode())
			.isEqualTo(415);
	}

	@Test
	void outreachToASuppressedAddressIsSuppressedWithTheReason() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("sup-1", t, "America/Sao_Paulo", "en", true, true));
		app.post("/api/suppressions",
				"{\"channel\":\"email\",\"address\":\"SUP-1@customers.example\",\"reason\":\"mailbox closed\"}");
		double before = suppressedCount("manual");

		app.feed(order("sup-1", "sup-1-a", t, "email", t.plus(Duration.ofDays(5))));

		Outreach refused = app.only("sup-1");
		assertThat(refused.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(refused.statusReason()).isEqualTo("suppressed: mailbox closed on " + app.now().toString()
			.substring(0, 10) + " (manual)");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		assertThat(suppressedCount("manual")).isEqualTo(before + 1);

		// lifted: the next one goes out
		assertThat(app.delete("/api/suppressions/email/sup-1@customers.example").statusCode()).isEqualTo(204);
		app.feed(order("sup-1", "sup-1-b", t, "email", t.plus(Duration.ofDays(5))));
		assertThat(status("sup-1", "sup-1-b")).isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void aSuppressedNumberGetsTheRulesFallbackChannelAsWithoutConsent() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("sup-2", t, "America/Sao_Paulo", "en", true, true));
		app.post("/api/suppressions", "{\"channel\":\"sms\",\"address\":\"" + phone("sup-2")
				+ "\",\"reason\":\"shared family phone\",\"expiresAt\":\"" + t.plus(Duration.ofDays(30)) + "\"}");

		app.feed(order("sup-2", "sup-2-a", t, "sms-or-email", t.plus(Duration.ofDays(5))));

		Outreach sms = find("sup-2", "sms");
		assertThat(sms.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(sms.statusReason()).startsWith("suppressed: shared family phone on ").endsWith("(manual)");
		Outreach email = find("sup-2", "email");
		assertThat(email.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(email.fallbackFor()).isEqualTo(sms.id());
		assertThat(twilio.requests()).isZero();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aSuppressionThatExpiredNoLongerSuppresses() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("sup-3", t, "America/Sao_Paulo", "en", true, true));
		app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"sup-3@customers.example\","
				+ "\"expiresAt\":\"" + t.plus(Duration.ofDays(1)) + "\"}");
		app.advanceTo(t.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));

		app.feed(order("sup-3", "sup-3-a", app.now(), "email", app.now().plus(Duration.ofDays(5))));

		assertThat(status("sup-3", "sup-3-a")).isEqualTo(OutreachStatus.SENT);
	}

	private static Instant freshDay() {
		return app.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(14));
	}

	private static double suppressedCount(String reason) {
		var counter = app.bean(MeterRegistry.class).find("forewarn.outreach.suppressed").tag("reason", reason)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	private static OutreachStatus status(String customerId, String orderId) {
		return app.outreach(customerId).stream().filter(o -> orderId.equals(o.orderId())).findFirst().orElseThrow()
			.status();
	}

	private static Outreach find(String customerId, String channel) {
		return app.outreach(customerId).stream().filter(o -> o.channel().equals(channel)).findFirst().orElseThrow();
	}

	private static void assertBad(HttpResponse<String> response, String named) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains(named);
	}
}
