package org.forewarn.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.simple;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.SimulatedForewarn;
import org.forewarn.outreach.HoldoutGroups;
import org.forewarn.replay.ReplayCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/outcomes and the replay report: held-out customers cancel, contacted ones do not. */
class OutcomesTest {

	private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");
	private static final String RULE = "test: email now";
	private static final String[] HOLDOUT = { "--forewarn.rules=src/test/resources/guardrail-rules",
			"--forewarn.holdout.percent=50", "--forewarn.holdout.key=outcomes-test-key",
			"--forewarn.outcomes.min-per-group=5" };

	@TempDir
	Path work;

	@Test
	void contactedAgainstHeldOutPerRuleWithLateEventsWhereTheyBelong() throws Exception {
		try (SimulatedForewarn app = SimulatedForewarn.start(T.minus(Duration.ofDays(1)), HOLDOUT)) {
			HoldoutGroups groups = app.bean(HoldoutGroups.class);
			int held = 0;
			String aContacted = null;
			for (String line : history()) {
				app.feed(line);
			}
			for (int i = 0; i < 30; i++) {
				if (groups.place("cust-" + i) < 50) {
					held++;
				}
				else if (aContacted == null) {
					aContacted = "cust-" + i;
				}
			}
			// arriving late, after events of later times: a ticket a day after the email counts for it, one from
			// before the decision does not
			app.feed(simple("late-ticket", "account.ticket_opened", T.plus(Duration.ofDays(1)), aContacted, null,
					"{\"ticketId\":\"t1\"}"));
			app.feed(simple("early-ticket", "account.ticket_opened", T.minus(Duration.ofHours(1)), aContacted, null,
					"{\"ticketId\":\"t0\"}"));

			HttpResponse<String> answer = app.get("/api/outcomes?rule=" + URLEncoder.encode(RULE, StandardCharsets.UTF_8));

			assertThat(answer.statusCode()).isEqualTo(200);
			JsonNode report = JsonMapper.builder().build().readTree(answer.body());
			assertThat(report.get("method").asString()).contains("Newcombe");
			JsonNode lift = report.get("lifts").get(0);
			assertThat(lift.get("rule").asString()).isEqualTo(RULE);
			assertThat(lift.get("heldOut").asInt()).isEqualTo(held);
			assertThat(lift.get("contacted").asInt()).isEqualTo(30 - held);
			assertThat(lift.get("enoughData").asBoolean()).isTrue();
			JsonNode cancel = outcome(lift, "cancellation requested");
			assertThat(cancel.get("heldOutRate").asDouble()).isEqualTo(1.0);
			assertThat(cancel.get("contactedRate").asDouble()).isZero();
			assertThat(cancel.get("verdict").asString()).isEqualTo("lower after outreach");
			assertThat(outcome(lift, "support ticket opened").get("contactedWith").asInt()).isEqualTo(1);
			assertThat(lift.get("csat5").get("heldOut").asDouble()).isEqualTo(1.0);

			assertThat(app.get("/api/outcomes?from=yesterday").statusCode()).isEqualTo(400);
			JsonNode none = JsonMapper.builder().build().readTree(app.get("/api/outcomes?problem=payment.failed")
				.body());
			assertThat(none.get("lifts").size()).isZero();
		}
	}

	@Test
	void theReplayReportShowsTheGroupsAndSaysItIsNoEvidence() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, history());
		Path out = work.resolve("out");

		// the same rule with an id: a replay refuses rules validate would reject
		int exit = ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(),
				"--forewarn.rules=src/test/resources/replayed-rules", HOLDOUT[1], HOLDOUT[2], HOLDOUT[3] });

		assertThat(exit).isZero();
		String report = Files.readString(out.resolve("report.html"));
		assertThat(report).contains("Outcomes: contacted against held out", "nothing was really sent",
				"is not evidence", "test-email-now", "cancellation requested", "lower after outreach");
		String summary = Files.readString(out.resolve("summary.txt"));
		assertThat(summary).contains("Outcomes after outreach, contacted against held out", "is not evidence",
				"cancellation requested", "held out ");
		assertThat(Files.readString(out.resolve("outreach.jsonl"))).contains("\"HELD_OUT\"");
	}

	/** 30 customers, each an email order at T; the held-out ones ask to cancel two days later and rate 1 of 5. */
	private static List<String> history() {
		List<String> lines = new ArrayList<>();
		List<String> later = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String c = "cust-" + i;
			lines.add(customer(c, T, "UTC", "en", true, false));
			lines.add(order(c, c + "-o", T, "email", T.plus(Duration.ofDays(20))));
			// the same place the running Forewarn gives the customer (default salt, the test's key)
			if (HoldoutGroups.place("outcomes-test-key", "holdout-1", c) < 50) {
				later.add(simple(c + "-cancel", "account.cancel_requested", T.plus(Duration.ofDays(2)), c, null, "{}"));
				later.add(simple(c + "-rating", "account.feedback", T.plus(Duration.ofDays(2)), c, null,
						"{\"scale\":\"csat5\",\"score\":1}"));
			}
		}
		lines.addAll(later);
		return lines;
	}

	private static JsonNode outcome(JsonNode lift, String name) {
		for (JsonNode o : lift.get("outcomes")) {
			if (o.get("outcome").asString().equals(name)) {
				return o;
			}
		}
		throw new AssertionError("no outcome " + name + " in " + lift);
	}
}
