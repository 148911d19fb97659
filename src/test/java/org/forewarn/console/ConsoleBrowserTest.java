package org.forewarn.console;

import java.io.IOException;
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
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

/**
 * The console in a real browser (headless Chromium): sign in, work a follow-up, approve a review and see the email
 * go out, read why an outreach exists, a support user refused the review queue, a rejected rules reload shown with
 * file and line. Forewarn runs on a simulated clock with the test rules (a copy: one test breaks it) and GreenMail.
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
				"Rules", "Outcomes");
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
		row.findElement(By.cssSelector("button.claim")).click();

		assertThat(browser.find(By.id("flash-message")).getText()).contains("CLAIMED", "claimed by sam");
		row = browser.find(By.id("task-" + task.id()));
		assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("CLAIMED");
		assertThat(row.findElements(By.cssSelector("button.claim"))).isEmpty();
		browser.screenshot("follow-ups");

		row.findElement(By.cssSelector("input.note")).sendKeys("called, replacement on its way");
		row.findElement(By.cssSelector("button.resolve")).click();

		assertThat(browser.find(By.id("flash-message")).getText()).contains("RESOLVED");
		assertThat(browser.present(By.id("task-" + task.id()))).as("resolved tasks leave the queue").isFalse();
		Outreach resolved = store().find(task.id()).orElseThrow();
		assertThat(resolved.status()).isEqualTo(OutreachStatus.RESOLVED);
		assertThat(resolved.statusReason()).isEqualTo("resolved by sam: called, replacement on its way");
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
		item.findElement(By.cssSelector("button.approve")).click();
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
		browser.find(By.name("id")).sendKeys("why-1\n");
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
	void aSupportUserIsRefusedTheReviewQueue() throws Exception {
		browser.signIn("sam", "sam-password-1");
		assertThat(navigation()).containsExactly("Today", "Follow-ups", "Outreach", "Needs a person", "Outcomes");
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
			browser.find(By.id("reload")).click();

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
			browser.find(By.id("reload")).click();
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
		browser.find(By.id("tick-" + failed.id())).click();
		browser.find(By.id("resend")).click();
		assertThat(browser.find(By.id("flash-message")).getText()).isEqualTo("Sent again: 1 of 1.");
		assertThat(browser.present(By.id("failed-" + failed.id()))).as("handled: no longer waiting").isFalse();
		Outreach again = store().findByCustomer("np-2").stream().filter(o -> failed.id().equals(o.resendOf()))
			.findFirst().orElseThrow();
		assertThat(again.id()).isNotEqualTo(failed.id());
		assertThat(store().find(failed.id()).orElseThrow().handled().by()).isEqualTo("rita");
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
