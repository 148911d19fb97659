package org.forewarn.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.forewarn.Credentials;
import org.forewarn.Mails;
import org.forewarn.SimulatedForewarn;
import org.forewarn.brake.PauseDesk;
import org.forewarn.brake.Pauses;
import org.forewarn.followup.Notes;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.suppression.SuppressionList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

/**
 * The console in a real browser (headless Chromium): sign in, work a follow-up, approve a review and see the email
 * go out, read why an outreach exists, a support user refused the review queue, a rejected rules reload shown with
 * file and line, the suppression list, pauses, and a customer's export and erasure. Forewarn runs on a simulated clock with the test rules (a copy: one test breaks it) and GreenMail.
 */
class ConsoleBrowserTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@TempDir
	static Path rules;

	static SimulatedForewarn app;

	Browser browser;

	@BeforeAll
	static void start() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/guardrail-rules"))) {
			for (Path file : files.toList()) {
				Files.copy(file, rules.resolve(file.getFileName()));
			}
		}
		app = SimulatedForewarn.start(Instant.parse("2026-03-02T14:00:00Z"),
				"--forewarn.rules=" + rules.toAbsolutePath(), "--forewarn.rules-watch.enabled=false",
				"--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.links.public-url=http://forewarn.test", "--forewarn.links.secret=test-secret");
		app.asNewUser("sam", "support");
		app.asNewUser("rita", "reviewer");
		app.asNewUser("ruth", "rules");
		app.asNewUser("pia", "privacy");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void openBrowser() throws Exception {
		browser = new Browser(app.port());
		greenMail.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void closeBrowser() throws IOException {
		browser.close();
	}

	@Test
	void signsInOnTheConsolesOwnPageAndSeesToday() throws Exception {
		browser.open("/followups");
		assertThat(browser.path()).isEqualTo("/login");
		browser.screenshot("sign-in");

		browser.signIn("admin", "not the password");
		assertThat(browser.find(By.id("sign-in-error")).getText()).contains("user name or password is wrong");

		browser.signIn("admin", Credentials.ADMIN_PASSWORD);
		assertThat(browser.title()).as("back where the browser was sent to sign in").isEqualTo("Follow-ups · Forewarn");
		browser.open("/");
		assertThat(browser.title()).isEqualTo("Today · Forewarn");
		assertThat(browser.text()).contains("problems detected", "sent", "called off", "waiting for review",
				"Suppressed, by reason", "Failed, by provider code");
		assertThat(navigation()).containsExactly("Today", "Follow-ups", "Review", "Outreach", "Needs a person",
				"Suppressions", "Pauses", "Rules", "Outcomes", "Data protection");
		browser.screenshot("today");

		browser.signOut();
		assertThat(browser.path()).isEqualTo("/login?signed-out");
		browser.open("/");
		assertThat(browser.path()).isEqualTo("/login");
	}

	@Test
	void aSupportLeadClaimsAndResolvesAFollowUpWithTheContactAtHand() throws Exception {
		Outreach task = decide("fu-1", "task");
		assertThat(task.status()).isEqualTo(OutreachStatus.OPEN);

		browser.signIn("sam", "sam-password-1");
		browser.open("/followups");
		WebElement row = browser.find(By.id("task-" + task.id()));
		assertThat(row.getText()).contains("fu-1@customers.example", "shipment.exception", "test: a task", "OPEN");
		browser.clickAndWait(row.findElement(By.cssSelector("button.claim")));

		assertThat(browser.find(By.id("flash-message")).getText()).contains("CLAIMED", "claimed by sam");
		row = browser.find(By.id("task-" + task.id()));
		assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("CLAIMED");
		assertThat(row.findElements(By.cssSelector("button.claim"))).isEmpty();
		browser.screenshot("follow-ups");

		WebElement note = row.findElement(By.cssSelector("input.note"));
		assertThat(note.getDomAttribute("maxlength")).isEqualTo(String.valueOf(Notes.MAX));
		browser.setValue(note, "x".repeat(Notes.MAX + 1));
		browser.clickAndWait(row.findElement(By.cssSelector("button.resolve")));
		assertThat(browser.find(By.id("flash-error")).getText()).isEqualTo("note: longer than 800 characters");
		assertThat(store().find(task.id()).orElseThrow().status()).as("a note too long is refused, not cut")
			.isEqualTo(OutreachStatus.CLAIMED);

		row = browser.find(By.id("task-" + task.id()));
		row.findElement(By.cssSelector("input.note")).sendKeys("called, replacement on its way");
		browser.clickAndWait(row.findElement(By.cssSelector("button.resolve")));

		assertThat(browser.find(By.id("flash-message")).getText()).contains("RESOLVED");
		assertThat(browser.present(By.id("task-" + task.id()))).as("resolved tasks leave the queue").isFalse();
		Outreach resolved = store().find(task.id()).orElseThrow();
		assertThat(resolved.status()).isEqualTo(OutreachStatus.RESOLVED);
		assertThat(resolved.statusReason()).isEqualTo("resolved by sam: called, replacement on its way");
	}

	@Test
	void aLongUnbrokenNameOrEmailWrapsAndLeavesTheClaimButtonOnScreen() throws Exception {
		Instant t = app.now();
		String email = "a".repeat(64) + "@" + "b".repeat(185) + ".com";
		app.feed("{\"id\":\"fu-long-profile\",\"type\":\"customer.updated\",\"time\":\"" + t + "\","
				+ "\"customerId\":\"fu-long\",\"data\":{\"email\":\"" + email + "\",\"name\":\"" + "N".repeat(200)
				+ "\",\"timeZone\":\"America/Sao_Paulo\",\"consent\":{\"email\":true,\"sms\":false}}}");
		app.feed(order("fu-long", "fu-long-o", t, "task", t.plus(Duration.ofDays(5))));
		app.advance(Duration.ofSeconds(1));
		Outreach task = app.only("fu-long");

		browser.signIn("sam", "sam-password-1");
		browser.open("/followups");
		WebElement row = browser.find(By.id("task-" + task.id()));
		assertThat(row.getText()).contains(email.substring(0, 30));
		WebElement claim = row.findElement(By.cssSelector("button.claim"));
		assertThat(claim.getRect().getX() + claim.getRect().getWidth()).as("the Claim button within the window")
			.isLessThanOrEqualTo(1280);
		assertThat(row.getRect().getWidth()).as("the table no wider than the window").isLessThanOrEqualTo(1280);
	}

	@Test
	void aReviewerReadsTheMessageAsItWouldBeSentApprovesItAndItGoesOut() throws Exception {
		Outreach pending = decide("rv-1", "review");
		assertThat(pending.status()).isEqualTo(OutreachStatus.PENDING_REVIEW);

		browser.signIn("rita", "rita-password-1");
		browser.open("/review");
		WebElement item = browser.find(By.id("review-" + pending.id()));
		String subject = item.findElement(By.cssSelector(".subject")).getText();
		String body = item.findElement(By.cssSelector(".body")).getText();
		assertThat(subject).isNotBlank();
		assertThat(body).contains("Ana", "rv-1-o");
		assertThat(item.findElement(By.cssSelector(".time-left")).getText()).isEqualTo("23 h 59 min left");
		browser.screenshot("review");

		item.findElement(By.name("note")).sendKeys("worded well");
		browser.clickAndWait(item.findElement(By.cssSelector("button.approve")));
		assertThat(browser.find(By.id("flash-message")).getText()).contains("SCHEDULED", "approved by rita: worded well");
		app.advance(Duration.ofSeconds(1));

		assertThat(store().find(pending.id()).orElseThrow().status()).isEqualTo(OutreachStatus.SENT);
		MimeMessage[] mails = greenMail.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getSubject()).isEqualTo(subject);
		assertThat(normalized(Mails.text(mails[0]))).isEqualTo(normalized(body));
	}

	@Test
	void theCustomerPageSaysWhyAnOutreachExists() throws Exception {
		Outreach pending = decide("why-1", "review");

		browser.signIn("sam", "sam-password-1");
		browser.open("/");
		WebElement search = browser.find(By.name("id"));
		search.sendKeys("why-1\n");
		browser.waitUntilGone(search);
		assertThat(browser.path()).isEqualTo("/customers/why-1");
		WebElement row = browser.find(By.id("outreach-" + pending.id()));
		assertThat(row.findElement(By.cssSelector(".rule")).getText()).isEqualTo("test: email after review");
		assertThat(row.findElement(By.cssSelector(".rule-version")).getText()).isEqualTo(pending.ruleVersion());
		assertThat(row.findElement(By.cssSelector(".explanation")).getText()).contains(pending.explanation().strip());
		assertThat(browser.find(By.id("consent-email")).getText()).isEqualTo("yes");
		assertThat(browser.find(By.id("consent-sms")).getText()).isEqualTo("no");
		assertThat(browser.find(By.id("orders")).getText()).contains("why-1-o");
		assertThat(browser.find(By.id("timeline")).getText()).contains("order.placed", "PENDING_REVIEW");
		browser.screenshot("customer");
	}

	@Test
	void anUnknownCustomerIdSaysNoSuchCustomerInsteadOfAnEmptyProfile() throws Exception {
		browser.signIn("sam", "sam-password-1");
		browser.open("/customers/nobody-typo");

		assertThat(browser.find(By.id("unknown-customer")).getText())
			.startsWith("No customer with the id nobody-typo is known");
		assertThat(browser.present(By.id("consent-email"))).as("no consent to read as refused").isFalse();
		assertThat(browser.present(By.id("timeline"))).isFalse();
	}

	@Test
	void aCustomerWhoseIdAPathCannotCarryOpensFromTheSearchBox() throws Exception {
		decide("tenant/7;a", "review");

		browser.signIn("sam", "sam-password-1");
		browser.open("/");
		WebElement search = browser.find(By.name("id"));
		search.sendKeys("tenant/7;a\n");
		browser.waitUntilGone(search);

		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Customer tenant/7;a");
		assertThat(browser.find(By.id("orders")).getText()).contains("tenant/7;a-o");
		assertThat(browser.find(By.id("timeline")).getText()).contains("order.placed");
	}

	@Test
	void theListsLinkToTheCustomerAsHeldSpacesAndAll() throws Exception {
		decide(" spaced-1 ", "review");

		browser.signIn("sam", "sam-password-1");
		browser.open("/outreach");
		browser.find(By.linkText("spaced-1")).click();

		assertThat(browser.find(By.id("orders")).getText()).contains("spaced-1 -o");
	}

	@Test
	void aSupportUserIsRefusedTheReviewQueue() throws Exception {
		browser.signIn("sam", "sam-password-1");
		assertThat(navigation()).containsExactly("Today", "Follow-ups", "Outreach", "Needs a person", "Suppressions",
				"Pauses", "Outcomes");
		browser.open("/review");
		assertThat(browser.find(By.id("error-status")).getText()).startsWith("403");
		browser.screenshot("review-refused");
	}

	@Test
	void aRejectedReloadShowsEachErrorWithFileAndLine() throws Exception {
		Path broken = rules.resolve("broken.drl");
		Files.writeString(broken, "package forewarn.rules\n\nrule \"half written\"\nwhen\n    $o : Order( open == \n"
				+ "then\nend\n");
		try {
			browser.signIn("ruth", "ruth-password-1");
			assertThat(navigation()).containsExactly("Today", "Rules", "Outcomes");
			browser.open("/rules");
			String running = browser.find(By.id("rule-version")).getText();
			browser.clickAndWait(browser.find(By.id("reload")));

			assertThat(browser.find(By.id("flash-error")).getText()).contains("REJECTED");
			assertThat(browser.find(By.id("rejected-errors")).findElements(By.cssSelector(".where")))
				.extracting(WebElement::getText).anySatisfy(where -> assertThat(where).matches("broken\\.drl:[1-9]\\d*"));
			assertThat(browser.find(By.id("rule-version")).getText()).as("the running rule set stays")
				.isEqualTo(running);
			browser.screenshot("rules");
		}
		finally {
			Files.delete(broken);
			browser.open("/rules");
			browser.clickAndWait(browser.find(By.id("reload")));
		}
	}

	@Test
	void searchNeedsAPersonAndOutcomesShowTheirRecords() throws Exception {
		decide("sr-1", "email");
		Outreach failed = decide("np-1", "review");
		store().fail(failed.id(), List.of(OutreachStatus.PENDING_REVIEW), "may have gone out: connection reset",
				"interrupted", app.now(), false);

		browser.signIn("sam", "sam-password-1");
		browser.open("/outreach?customer=sr-1");
		assertThat(browser.find(By.id("results")).getText()).contains("sr-1", "SENT", "test: email now");
		browser.open("/outreach?status=SENT&channel=email");
		assertThat(browser.find(By.id("results")).getText()).contains("sr-1").doesNotContain("np-1");
		browser.open("/outreach?status=LOST&from=yesterday");
		assertThat(browser.find(By.id("flash-error")).getText()).startsWith("status: unknown status 'LOST'");
		browser.open("/outreach?channel=fax");
		assertThat(browser.find(By.id("flash-error")).getText()).startsWith("channel: unknown channel 'fax'");
		browser.open("/outreach?channel=EMAIL");
		assertThat(browser.find(By.id("results")).getText()).contains("sr-1");
		browser.open("/outreach");
		browser.screenshot("outreach");

		browser.open("/needs-a-person");
		WebElement row = browser.find(By.id("failed-" + failed.id()));
		assertThat(row.getText()).contains("may have gone out", "connection reset", "interrupted",
				"np-1@customers.example");
		browser.screenshot("needs-a-person");

		browser.open("/outcomes");
		assertThat(browser.text()).contains("test: email now", "Not enough data yet",
				"nothing was sent, so the difference between the groups is not evidence");
		browser.screenshot("outcomes");
	}

	@Test
	void aReviewerSendsAFailureAgainFromNeedsAPerson() throws Exception {
		Outreach failed = decide("np-2", "review");
		store().fail(failed.id(), List.of(OutreachStatus.PENDING_REVIEW), "may have gone out: connection reset",
				"interrupted", app.now(), false);

		browser.signIn("sam", "sam-password-1");
		browser.open("/needs-a-person");
		assertThat(browser.present(By.id("resend"))).as("support sees, a reviewer decides").isFalse();
		browser.signOut();

		browser.signIn("rita", "rita-password-1");
		browser.open("/needs-a-person");
		WebElement all = browser.find(By.id("tick-all"));
		all.click();
		assertThat(browser.find(By.id("tick-" + failed.id())).isSelected()).as("the console's script, under its policy")
			.isTrue();
		all.click();
		assertThat(browser.find(By.id("tick-" + failed.id())).isSelected()).isFalse();
		browser.find(By.id("tick-" + failed.id())).click();
		browser.clickAndWait(browser.find(By.id("resend")));
		assertThat(browser.find(By.id("flash-message")).getText()).isEqualTo("Sent again: 1 of 1.");
		assertThat(browser.present(By.id("failed-" + failed.id()))).as("handled: no longer waiting").isFalse();
		Outreach again = store().findByCustomer("np-2").stream().filter(o -> failed.id().equals(o.resendOf()))
			.findFirst().orElseThrow();
		assertThat(again.id()).isNotEqualTo(failed.id());
		assertThat(store().find(failed.id()).orElseThrow().handled().by()).isEqualTo("rita");
	}

	@Test
	void aReviewerAddsImportsAndLiftsASuppression(@TempDir Path files) throws Exception {
		SuppressionList list = app.bean(SuppressionList.class);
		browser.signIn("rita", "rita-password-1");
		browser.open("/suppressions");
		WebElement past = browser.find(By.id("add-suppression"));
		past.findElement(By.name("address")).sendKeys("past@customers.example");
		browser.setValue(past.findElement(By.name("until")), "2020-01-01");
		browser.clickAndWait(browser.find(By.id("add")));
		assertThat(browser.find(By.id("flash-error")).getText()).as("the form's field").isEqualTo("until: already past");
		WebElement add = browser.find(By.id("add-suppression"));
		add.findElement(By.name("address")).sendKeys("Blocked@Customers.example");
		add.findElement(By.name("reason")).sendKeys("asked by phone");
		browser.clickAndWait(browser.find(By.id("add")));
		assertThat(browser.find(By.id("flash-message")).getText())
			.isEqualTo("Suppressed email blocked@customers.example for good.");
		assertThat(list.active("email", "blocked@customers.example")).hasValueSatisfying(s -> {
			assertThat(s.createdBy()).isEqualTo("rita");
			assertThat(s.reason()).isEqualTo("asked by phone");
		});

		Path csv = files.resolve("bounced.csv");
		Files.writeString(csv, "channel,address,reason\nemail,imported@customers.example,old bounce\n"
				+ "email,not an address,typo\n");
		browser.find(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
		browser.clickAndWait(browser.find(By.id("import")));
		assertThat(browser.find(By.id("flash-message")).getText())
			.isEqualTo("Imported 1 addresses from bounced.csv; 1 lines not imported.");
		assertThat(browser.find(By.id("import-errors")).getText()).startsWith("line 3: ");
		assertThat(list.active("email", "imported@customers.example")).isPresent();
		assertThat(row("blocked@customers.example").getText()).contains("asked by phone", "manual", "for good",
				"rita");
		browser.screenshot("suppressions");

		WebElement before = browser.find(By.id("flash-message"));
		row("blocked@customers.example").findElement(By.cssSelector("button.lift")).click();
		browser.waitUntilGone(before);
		assertThat(browser.find(By.id("flash-message")).getText())
			.isEqualTo("Lifted the suppression of email blocked@customers.example.");
		assertThat(list.active("email", "blocked@customers.example")).isEmpty();
		assertThat(browser.present(By.xpath(rowXpath("blocked@customers.example")))).isFalse();
	}

	@Test
	void aReviewerPausesAChannelAndResumesItAndTheAuditNamesThem() throws Exception {
		try {
			browser.signIn("rita", "rita-password-1");
			browser.open("/pauses");
			WebElement unknown = browser.find(By.id("pause"));
			new Select(unknown.findElement(By.name("scope"))).selectByValue("rule");
			unknown.findElement(By.name("name")).sendKeys("no-such-rule");
			browser.clickAndWait(browser.find(By.id("pause-button")));
			assertThat(browser.find(By.id("flash-error")).getText())
				.startsWith("name: the running rules have no rule with the id 'no-such-rule'");
			assertThat(browser.present(By.id("pause-rule-no-such-rule"))).as("nothing paused").isFalse();

			WebElement form = browser.find(By.id("pause"));
			form.findElement(By.name("name")).sendKeys("email");
			form.findElement(By.name("note")).sendKeys("provider outage");
			browser.clickAndWait(browser.find(By.id("pause-button")));
			assertThat(browser.find(By.id("flash-message")).getText()).isEqualTo("Paused channel email.");
			WebElement pause = browser.find(By.id("pause-channel-email"));
			assertThat(pause.getText()).contains("provider outage", "rita");
			assertThat(app.bean(Pauses.class).holding("any", "any", "email")).isPresent();

			pause.findElement(By.cssSelector("input.note")).sendKeys("provider back");
			WebElement paused = browser.find(By.id("flash-message"));
			pause.findElement(By.cssSelector("button.resume")).click();
			browser.waitUntilGone(paused);
			assertThat(browser.find(By.id("flash-message")).getText()).startsWith("Resumed channel email");
			assertThat(browser.present(By.id("pause-channel-email"))).isFalse();
			assertThat(app.bean(Pauses.class).holding("any", "any", "email")).isEmpty();
			List<String> audit = browser.find(By.id("audit")).findElements(By.cssSelector("tr")).stream()
				.map(WebElement::getText).toList();
			assertThat(audit).anySatisfy(line -> assertThat(line).contains("rita", "resume", "email", "provider back"))
				.anySatisfy(line -> assertThat(line).contains("rita", "pause", "email", "provider outage"));
			browser.screenshot("pauses");

			browser.signOut();
			browser.signIn("sam", "sam-password-1");
			browser.open("/pauses");
			assertThat(browser.present(By.id("pause"))).as("support reads, a reviewer pauses").isFalse();
			assertThat(browser.find(By.id("audit")).getText()).contains("provider back");
		}
		finally {
			app.bean(PauseDesk.class).resume("channel", "email", null, "test");
		}
	}

	@Test
	void aPrivacyUserExportsAndErasesACustomerWhoThenHasNoProfile() throws Exception {
		decide("pv-1", "email");
		browser.signIn("pia", "pia-password-1");
		assertThat(navigation()).containsExactly("Today", "Data protection");
		assertThat(browser.present(By.id("no-pages"))).as("Data protection is theirs").isFalse();
		assertThat(browser.find(By.id("privacy-only")).getText()).startsWith("Your page is Data protection");
		browser.open("/customers/pv-1");
		assertThat(browser.find(By.id("error-status")).getText()).as("no timelines for privacy").startsWith("403");

		browser.open("/privacy");
		browser.find(By.id("customer")).sendKeys("pv-1\n");
		String export = browser.find(By.id("export")).getAttribute("href");
		HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
			.header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).startsWith("attachment").contains("customer-pv-1.json"));
		HttpResponse<String> api = app.get("/api/customers/pv-1/export");
		assertThat(withoutTime(file.body())).as("the API's document").isEqualTo(withoutTime(api.body()));
		assertThat(JSON.readTree(file.body()).get("profile").get("customer").get("email").asString())
			.isEqualTo("pv-1@customers.example");

		browser.clickAndWait(browser.find(By.id("erase")));
		assertThat(browser.find(By.id("erase-customer")).getText()).isEqualTo("pv-1");
		assertThat(browser.find(By.id("erase-what")).getText()).contains("delete the profile");
		browser.screenshot("privacy-erase");
		assertThat(profiles("pv-1")).as("nothing erased before the confirmation").isEqualTo(1);
		browser.clickAndWait(browser.find(By.id("confirm-erase")));

		assertThat(browser.find(By.id("flash-message")).getText()).startsWith("Erased customer pv-1: ")
			.endsWith(", the profile.");
		browser.screenshot("privacy");
		assertThat(profiles("pv-1")).isZero();
		JsonNode profile = JSON.readTree(app.get("/api/customers/pv-1/export").body()).path("profile");
		assertThat(profile.isNull() || profile.isMissingNode()).as("no profile after erasure").isTrue();
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode withoutTime(String document) {
		ObjectNode node = (ObjectNode) JSON.readTree(document);
		node.remove("exportedAt");
		return node;
	}

	private static long profiles(String customerId) {
		return app.bean(JdbcClient.class).sql("select count(*) from customer_state where customer_id = ?")
			.param(customerId).query(Long.class).single();
	}

	private static String rowXpath(String address) {
		return "//table[@id='suppressions']//tr[td[@class='address' and text()='" + address + "']]";
	}

	private WebElement row(String address) {
		return browser.find(By.xpath(rowXpath(address)));
	}

	/** A customer and an order that the test rule named {@code testRule} acts on, a moment later. */
	private static Outreach decide(String customerId, String testRule) {
		Instant t = app.now();
		app.feed(customer(customerId, t, "America/Sao_Paulo", "en", true, false));
		app.feed(order(customerId, customerId + "-o", t, testRule, t.plus(Duration.ofDays(5))));
		app.advance(Duration.ofSeconds(1));
		return app.only(customerId);
	}

	private List<String> navigation() {
		return browser.find(By.tagName("nav")).findElements(By.tagName("a")).stream().map(WebElement::getText)
			.toList();
	}

	private static OutreachStore store() {
		return app.bean(OutreachStore.class);
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}
}
