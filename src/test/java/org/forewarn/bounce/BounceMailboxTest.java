package org.forewarn.bounce;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Bounces and complaints read from GreenMail's IMAP mailbox with the real mailbox reader: each one changes the next
 * send's outcome, a report read twice counts once, and a broken or stray message is skipped without stopping the rest.
 */
class BounceMailboxTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
	private static final String RETURN_PATH_DOMAIN = "forewarn.test";

	static SimulatedForewarn app;
	static GreenMailUser bounces;

	@BeforeAll
	static void start() {
		bounces = greenMail.setUser("bounces@forewarn.test", "bounces", "secret");
		List<String> settings = new ArrayList<>(List.of("--forewarn.rules=src/test/resources/guardrail-rules",
				"--spring.mail.host=localhost", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.links.public-url=http://forewarn.test", "--forewarn.links.secret=test-secret",
				"--forewarn.bounces.imap.host=localhost", "--forewarn.bounces.imap.port=" + greenMail.getImap().getPort(),
				"--forewarn.bounces.imap.user=bounces", "--forewarn.bounces.imap.password=secret",
				"--forewarn.bounces.imap.ssl=false", "--forewarn.bounces.imap.interval=PT1H",
				"--forewarn.bounces.return-path-domain=" + RETURN_PATH_DOMAIN));
		settings.addAll(List.of(new TwilioStub(wireMock).settings()));
		app = SimulatedForewarn.start(START, settings.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void emptyMailboxes() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void aHardBounceSuppressesTheAddressAndFailsItsRecord() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("hb-1", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("hb-1", "hb-1-a", t, "email", t.plus(Duration.ofDays(5))));
		Outreach sent = app.only("hb-1");
		MimeMessage mail = greenMail.getReceivedMessagesForDomain("customers.example")[0];
		assertThat(mail.getMessageID()).startsWith("<" + sent.id() + ".").endsWith("@" + RETURN_PATH_DOMAIN + ">")
			.isEqualTo(sent.delivery().providerId());
		assertThat(mail.getHeader("Return-Path")[0]).contains("bounces+" + sent.id() + "@" + RETURN_PATH_DOMAIN);

		bounces.deliver(Reports.plain("stray-1"));
		bounces.deliver(Reports.broken("broken-1"));
		bounces.deliver(Reports.dsn("hb-1-dsn", "bounces@forewarn.test", "HB-1@customers.example", "failed",
				"5.1.1", sent.delivery().providerId()));

		assertThat(poll()).isEqualTo(1);

		Outreach bounced = app.outreach("hb-1").stream().filter(o -> o.id().equals(sent.id())).findFirst()
			.orElseThrow();
		assertThat(bounced.status()).isEqualTo(OutreachStatus.FAILED);
		assertThat(bounced.statusReason()).contains("5.1.1");
		assertThat(app.get("/api/suppressions?channel=email&source=bounce").body())
			.contains("\"address\":\"hb-1@customers.example\"", "hard bounce 5.1.1");
		// read again, and the same report delivered again (a restart before flagging): nothing counts twice
		assertThat(poll()).isZero();
		bounces.deliver(Reports.dsn("hb-1-dsn", "bounces@forewarn.test", "hb-1@customers.example", "failed",
				"5.1.1", sent.delivery().providerId()));
		assertThat(poll()).isZero();

		app.feed(order("hb-1", "hb-1-b", t.plus(Duration.ofHours(1)), "email", t.plus(Duration.ofDays(5))));
		Outreach next = byOrder("hb-1", "hb-1-b");
		assertThat(next.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(next.statusReason()).startsWith("suppressed: hard bounce 5.1.1 on ").endsWith("(bounce)");
		assertThat(greenMail.getReceivedMessagesForDomain("customers.example")).hasSize(1);
	}

	@Test
	void aComplaintTurnsEmailConsentOffAndSuppressesTheAddress() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("cp-1", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("cp-1", "cp-1-a", t, "email", t.plus(Duration.ofDays(5))));
		Outreach sent = app.only("cp-1");

		// matched by the VERP return path alone: the quoted original has no Message-ID
		bounces.deliver(Reports.complaint("cp-1-arf", "bounces+" + sent.id() + "@" + RETURN_PATH_DOMAIN,
				"cp-1@customers.example"));
		assertThat(poll()).isEqualTo(1);

		waitFor(() -> app.get("/api/customers/cp-1/timeline").body().contains("spam complaint (abuse report)"));
		assertThat(app.get("/api/suppressions?source=complaint").body()).contains("cp-1@customers.example");
		app.feed(order("cp-1", "cp-1-b", t.plus(Duration.ofHours(1)), "email", t.plus(Duration.ofDays(5))));
		Outreach next = byOrder("cp-1", "cp-1-b");
		assertThat(next.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(next.statusReason()).isEqualTo("no email consent");
		assertThat(byOrder("cp-1", "cp-1-a").status()).as("a complaint is no failed delivery")
			.isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void softBouncesInARowSuppressTheAddressForAWhile() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("sb-1", t, "America/Sao_Paulo", "en", true, true));
		String[] statuses = { "4.2.2", "4.4.1", "4.2.2" };
		String[] actions = { "failed", "delayed", "failed" };
		for (int day = 0; day < 3; day++) {
			Instant at = t.plus(Duration.ofDays(day));
			app.advanceTo(at);
			app.feed(order("sb-1", "sb-1-" + day, at, "email", at.plus(Duration.ofDays(5))));
			Outreach sent = byOrder("sb-1", "sb-1-" + day);
			assertThat(sent.status()).as("day " + day).isEqualTo(OutreachStatus.SENT);
			MimeMessage report = Reports.dsn("sb-1-dsn-" + day, "bounces@forewarn.test", "sb-1@customers.example",
					actions[day], statuses[day], sent.delivery().providerId());
			bounces.deliver(report);
			// each report twice: the second copy counts nothing
			bounces.deliver(Reports.dsn("sb-1-dsn-" + day, "bounces@forewarn.test", "sb-1@customers.example",
					actions[day], statuses[day], sent.delivery().providerId()));
			if (day == 0) {
				// a delay notice for the same email, before it failed: one email counts once
				bounces.deliver(Reports.dsn("sb-1-delay-" + day, "bounces@forewarn.test", "sb-1@customers.example",
						"delayed", "4.4.7", sent.delivery().providerId()));
			}
			assertThat(poll()).isEqualTo(day == 0 ? 2 : 1);
			boolean suppressed = app.get("/api/suppressions?source=bounce").body().contains("sb-1@customers.example");
			assertThat(suppressed).as("suppressed after " + (day + 1) + " soft bounces").isEqualTo(day == 2);
		}
		Instant later = t.plus(Duration.ofDays(3));
		app.advanceTo(later);
		app.feed(order("sb-1", "sb-1-x", later, "email", later.plus(Duration.ofDays(5))));
		Outreach next = byOrder("sb-1", "sb-1-x");
		assertThat(next.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(next.statusReason()).contains("3 soft bounces in a row, the last 4.2.2", "until").endsWith(
				"(bounce)");

		// a week later the suppression has run out
		Instant weekLater = later.plus(Duration.ofDays(8));
		app.advanceTo(weekLater);
		app.feed(order("sb-1", "sb-1-y", weekLater, "email", weekLater.plus(Duration.ofDays(5))));
		assertThat(byOrder("sb-1", "sb-1-y").status()).isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void aReportAboutMailForewarnNeverSentChangesNothing() throws Exception {
		bounces.deliver(Reports.dsn("forged-1", "bounces@forewarn.test", "victim@customers.example", "failed",
				"5.1.1", "<made-up@forewarn.test>"));
		bounces.deliver(Reports.complaint("forged-2", "bounces+000000000000000000000000@" + RETURN_PATH_DOMAIN,
				"victim@customers.example"));

		assertThat(poll()).isZero();
		assertThat(app.get("/api/suppressions").body()).doesNotContain("victim@customers.example");
	}

	@Test
	void reportsAboutAnErasedCustomersEmailBringNoAddressBackAndOweNoFallback() throws Exception {
		Instant t = freshDay().plus(Duration.ofHours(14));
		app.feed(customer("ec-1", t, "America/Sao_Paulo", "en", true, true));
		app.feed(customer("ec-2", t, "America/Sao_Paulo", "en", true, true));
		app.feed(order("ec-1", "ec-1-a", t, "email", t.plus(Duration.ofDays(5))));
		app.feed(order("ec-2", "ec-2-a", t, "email", t.plus(Duration.ofDays(5))));
		Outreach one = app.only("ec-1");
		Outreach two = app.only("ec-2");
		assertThat(app.asNewUser("pia-ec", "privacy").delete("/api/customers/ec-1").statusCode()).isEqualTo(200);
		assertThat(app.asNewUser("pia-ec2", "privacy").delete("/api/customers/ec-2").statusCode()).isEqualTo(200);

		bounces.deliver(Reports.dsn("ec-1-dsn", "bounces@forewarn.test", "ec-1@customers.example", "failed",
				"5.1.1", one.delivery().providerId()));
		// quotes a Message-ID anyone who got the email can read, and names somebody else
		bounces.deliver(Reports.dsn("ec-2-dsn", "bounces@forewarn.test", "ceo@bigcorp.example", "failed",
				"5.1.1", two.delivery().providerId()));
		bounces.deliver(Reports.complaint("ec-1-arf", "bounces+" + one.id() + "@" + RETURN_PATH_DOMAIN,
				"ec-1@customers.example"));
		poll();
		app.advance(Duration.ofMinutes(5));

		assertThat(app.get("/api/suppressions?size=100").body()).doesNotContain("ec-1@customers.example",
				"ceo@bigcorp.example");
		assertThat(app.outreach("ec-1")).as("no fallback, no task to reach them").hasSize(1);
		assertThat(app.outreach("ec-2")).as("no fallback, no task to reach them").hasSize(1);
		assertThat(app.get("/api/customers/ec-1/timeline").body()).as("no new profile for the erased customer")
			.doesNotContain("spam complaint");
	}

	private static int poll() {
		return app.bean(BounceMailbox.class).poll();
	}

	private static Instant freshDay() {
		return app.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(14));
	}

	private static Outreach byOrder(String customerId, String orderId) {
		return app.outreach(customerId).stream().filter(o -> orderId.equals(o.orderId()) && o.channel().equals("email"))
			.findFirst().orElseThrow();
	}

	interface Check {
		boolean holds() throws Exception;
	}

	private static void waitFor(Check check) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!check.holds()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("still not true after 20 s");
			}
			Thread.sleep(50);
		}
	}
}
