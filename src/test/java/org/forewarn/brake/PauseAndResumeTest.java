package org.forewarn.brake;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.forewarn.HttpCaller;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.OverdueWork;
import org.forewarn.outreach.StatusChange;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pause and resume per rule, problem and channel: paused outreach waits (SCHEDULED, "paused by ..."), is not sent,
 * is skipped by the overdue sweep, still expires at its deadline, and goes out soon after the resume. Every change
 * is audited with the signed-in user.
 */
class PauseAndResumeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static SimulatedForewarn app;
	static HttpCaller lea;

	@BeforeAll
	static void start() throws Exception {
		app = BrakeApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock));
		lea = app.asNewUser("lea", "reviewer");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void twilioAcceptsEverything() {
		new TwilioStub(wireMock).accepts("SM00000000000000000000000000000003");
	}

	@Test
	void pausingARuleHoldsItsOutreachUntilItIsResumed() throws Exception {
		assertThat(pause("rule", "brake: email now", "carrier outage").statusCode()).isEqualTo(201);
		int mails = greenMail.getReceivedMessages().length;
		BrakeApps.customerWithOrder(app, "pr-1", "email", app.now().plus(Duration.ofDays(5)));
		BrakeApps.customerWithOrder(app, "pr-2", "sms", app.now().plus(Duration.ofDays(5)));

		Outreach held = app.only("pr-1");
		assertThat(held.status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(held.statusReason()).isEqualTo("paused by lea (rule brake: email now: carrier outage)");
		assertThat(app.only("pr-2").status()).as("another rule").isEqualTo(OutreachStatus.SENT);

		app.advance(Duration.ofHours(1));
		assertThat(app.only("pr-1").status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(greenMail.getReceivedMessages()).hasSize(mails);
		assertThat(pausedEntries(held)).as("the reason is written once, not at every look").hasSize(1);
		assertThat(sweepFinds("pr-1")).as("the sweep leaves paused outreach alone").isFalse();

		assertThat(resume("rule", "brake: email now", "fixed").statusCode()).isEqualTo(204);
		assertThat(sweepFinds("pr-1")).as("once resumed, the sweep would find it too").isTrue();
		app.advance(Duration.ofSeconds(10));
		Outreach sent = app.only("pr-1");
		assertThat(sent.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(greenMail.getReceivedMessages()).hasSize(mails + 1);

		JsonNode listing = JSON.readTree(lea.get("/api/pauses").body());
		assertThat(listing.get("pauses").toString()).doesNotContain("brake: email now");
		JsonNode latest = listing.get("audit").get(0);
		assertThat(latest.get("action").asString()).isEqualTo("resume");
		assertThat(latest.get("actor").asString()).isEqualTo("lea");
		assertThat(latest.get("note").asString()).isEqualTo("fixed");
		assertThat(listing.get("audit").get(1).get("action").asString()).isEqualTo("pause");
	}

	@Test
	void pausingAProblemHoldsOnlyOutreachAboutIt() throws Exception {
		assertThat(pause("problem", "shipment.stalled", null).statusCode()).isEqualTo(201);
		assertThat(pause("problem", "shipment.stalled", "again").statusCode()).as("already paused").isEqualTo(200);
		int texts = new TwilioStub(wireMock).requests();
		BrakeApps.customerWithOrder(app, "pp-1", "sms", app.now().plus(Duration.ofDays(5)));
		BrakeApps.customerWithOrder(app, "pp-2", "email", app.now().plus(Duration.ofDays(5)));

		assertThat(app.only("pp-1").statusReason()).isEqualTo("paused by lea (problem shipment.stalled)");
		assertThat(app.only("pp-2").status()).isEqualTo(OutreachStatus.SENT);
		app.advance(Duration.ofMinutes(30));
		assertThat(new TwilioStub(wireMock).requests()).isEqualTo(texts);

		assertThat(resume("problem", "shipment.stalled", null).statusCode()).isEqualTo(204);
		assertThat(resume("problem", "shipment.stalled", null).statusCode()).as("nothing left to resume")
			.isEqualTo(404);
		app.advance(Duration.ofSeconds(10));
		assertThat(app.only("pp-1").status()).isEqualTo(OutreachStatus.SENT);
		assertThat(new TwilioStub(wireMock).requests()).isEqualTo(texts + 1);
	}

	@Test
	void pausingAChannelHoldsEveryRuleSendingOnIt() throws Exception {
		assertThat(pause("channel", "fax", null).statusCode()).as("no such channel").isEqualTo(400);
		assertThat(pause("kind", "sms", null).body()).contains("scope: 'kind' is not one of rule, problem, channel");
		assertThat(pause("channel", "sms", "provider storm").statusCode()).isEqualTo(201);
		BrakeApps.customerWithOrder(app, "pc-1", "sms", app.now().plus(Duration.ofDays(5)));
		BrakeApps.customerWithOrder(app, "pc-2", "sms-deadline", app.now().plus(Duration.ofDays(5)));
		BrakeApps.customerWithOrder(app, "pc-3", "email", app.now().plus(Duration.ofDays(5)));

		assertThat(app.only("pc-1").statusReason()).startsWith("paused by lea (channel sms");
		assertThat(app.only("pc-2").statusReason()).startsWith("paused by lea (channel sms");
		assertThat(app.only("pc-3").status()).isEqualTo(OutreachStatus.SENT);

		assertThat(resume("channel", "sms", null).statusCode()).isEqualTo(204);
		app.advance(Duration.ofSeconds(10));
		assertThat(app.only("pc-1").status()).isEqualTo(OutreachStatus.SENT);
		assertThat(app.only("pc-2").status()).isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void pausedOutreachStillExpiresAtItsDeadline() throws Exception {
		assertThat(pause("rule", "brake: sms within the hour, not later", null).statusCode()).isEqualTo(201);
		int texts = new TwilioStub(wireMock).requests();
		BrakeApps.customerWithOrder(app, "pd-1", "sms-deadline", app.now().plus(Duration.ofHours(1)));
		assertThat(app.only("pd-1").status()).isEqualTo(OutreachStatus.SCHEDULED);

		app.advance(Duration.ofHours(3));
		Outreach expired = app.only("pd-1");
		assertThat(expired.status()).isEqualTo(OutreachStatus.EXPIRED);
		assertThat(expired.statusReason()).startsWith("past its deadline");

		assertThat(resume("rule", "brake: sms within the hour, not later", null).statusCode()).isEqualTo(204);
		app.advance(Duration.ofSeconds(10));
		assertThat(app.only("pd-1").status()).isEqualTo(OutreachStatus.EXPIRED);
		assertThat(new TwilioStub(wireMock).requests()).isEqualTo(texts);
	}

	@Test
	void aRuleOrProblemTheRunningRulesDoNotKnowIsNotPaused() throws Exception {
		HttpResponse<String> rule = pause("rule", "brake: email later", null);
		assertThat(rule.statusCode()).isEqualTo(400);
		assertThat(rule.body()).contains("name: the running rules have no rule with the id 'brake: email later'"
				+ " (did you mean \\\"brake: email now\\\"?)");
		HttpResponse<String> problem = pause("problem", "no.such.problem", null);
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.body()).contains("name: no rule decides the problem 'no.such.problem' and no outreach is"
				+ " about it (the rules decide order.not_shipped, shipment.late, shipment.stalled)");
		assertThat(JSON.readTree(lea.get("/api/pauses").body()).get("pauses").toString())
			.doesNotContain("brake: email later", "no.such.problem");

		RuleEngine engine = app.bean(RuleEngine.class);
		RuleSet running = engine.current();
		// rules with ids, deciding problems only at run time: a name is not an id, a problem of past outreach is known
		engine.swap(new RuleSet(running.kieBase(), running.version(), running.loadedAt(), running.files(),
				running.rules(), Map.of("brake-email-now", "brake: email now"), running.thresholds(),
				running.warnings(), Set.of(), false));
		try {
			assertThat(pause("rule", "brake: email now", null).body()).contains("name: 'brake: email now' is a rule's"
					+ " name; pause it by its id 'brake-email-now'");
			BrakeApps.customerWithOrder(app, "pk-1", "email-ceiling", app.now().plus(Duration.ofDays(5)));
			assertThat(pause("problem", "order.not_shipped", null).statusCode()).isEqualTo(201);
			assertThat(resume("problem", "order.not_shipped", null).statusCode()).isEqualTo(204);
		}
		finally {
			engine.swap(running);
		}
	}

	@Test
	void supportMayLookButNotPause() throws Exception {
		HttpCaller sam = app.asNewUser("sam", "support");
		assertThat(sam.get("/api/pauses").statusCode()).isEqualTo(200);
		assertThat(sam.post("/api/pauses", "{\"scope\":\"rule\",\"name\":\"x\"}").statusCode()).isEqualTo(403);
		assertThat(lea.post("/api/pauses", "{\"scope\":\"rule\",\"name\":\"x\",\"by\":\"ana\"}").body())
			.contains("by: not accepted");
		assertThat(lea.post("/api/pauses", "{\"scope\":\"rule\"}").body()).contains("name: required");
	}

	private static HttpResponse<String> pause(String scope, String name, String note) throws Exception {
		return lea.post("/api/pauses", "{\"scope\":\"" + scope + "\",\"name\":\"" + name + "\""
				+ (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
	}

	private static HttpResponse<String> resume(String scope, String name, String note) throws Exception {
		String path = "/api/pauses/" + scope + "/" + name.replace(" ", "%20").replace(":", "%3A")
				+ (note == null ? "" : "?note=" + note);
		return lea.delete(path);
	}

	private static List<StatusChange> pausedEntries(Outreach o) {
		return app.bean(OutreachStore.class).history(o.id()).stream()
			.filter(c -> c.reason() != null && c.reason().startsWith("paused by"))
			.toList();
	}

	private static boolean sweepFinds(String customer) {
		return app.bean(OverdueWork.class).wakeups(app.now(), 1000).stream()
			.anyMatch(w -> w.customerId().equals(customer));
	}
}
