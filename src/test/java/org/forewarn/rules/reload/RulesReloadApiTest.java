package org.forewarn.rules.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Reloading a running server's rules: a broken file never replaces the running set; a good change is picked up. */
class RulesReloadApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path work;

	static Path rules;
	static ForewarnApp app;

	@BeforeAll
	static void start() {
		rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		app = ForewarnApp.start(work.resolve("data"), "--forewarn.rules=" + rules,
				"--forewarn.rules-watch.debounce=200ms");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void showsTheRunningRuleSet() throws Exception {
		JsonNode status = get("/api/rules");

		assertThat(status.get("version").asString()).hasSize(12);
		assertThat(status.get("loadedAt").asString()).isNotBlank();
		assertThat(status.get("watching").asBoolean()).isTrue();
		assertThat(status.get("files").toString()).contains("orders.drl", "shipments.drl", "churn.drl");
		assertThat(status.get("rules").toString()).contains("payment.failed: hard decline, reach out now");
		assertThat(status.get("ruleIds").get("payment-failed-hard").asString())
			.isEqualTo("payment.failed: hard decline, reach out now");
		assertThat(status.get("thresholds").get("shipment.late.notice-before").asString()).isEqualTo("P1D");
	}

	@Test
	void aBrokenRuleFileIsRejectedWithFileAndLineAndTheRunningRulesKeepFiring() throws Exception {
		String running = get("/api/rules").get("version").asString();
		Path broken = rules.resolve("broken.drl");
		RulesFolder.write(broken, """
				package forewarn.broken;
				import org.forewarn.customer.Order;
				global org.forewarn.rules.Decisions decide;

				rule "typo in a field name"
				when
				    $o : Order( shipedBy != null )
				then
				    decide.problem( "order.typo", $o.getOrderId() );
				end
				""");
		try {
			var response = app.post("/api/rules/reload", "");

			assertThat(response.statusCode()).isEqualTo(422);
			JsonNode attempt = JSON.readTree(response.body());
			assertThat(attempt.get("outcome").asString()).isEqualTo("REJECTED");
			JsonNode error = attempt.get("errors").get(0);
			assertThat(error.get("file").asString()).isEqualTo("broken.drl");
			assertThat(error.get("line").asInt()).isEqualTo(7);
			assertThat(error.get("message").asString()).contains("shipedBy");
			JsonNode status = get("/api/rules");
			assertThat(status.get("version").asString()).isEqualTo(running);
			assertThat(status.get("lastRejected").get("errors").get(0).get("file").asString()).isEqualTo("broken.drl");

			assertThat(hardDeclineOutreachVersion("reload-1")).isEqualTo(running);
		}
		finally {
			Files.delete(broken);
		}
	}

	@Test
	void aBrokenDecisionTableIsRejectedWithFileAndRowAndTheRunningRulesKeepFiring() throws Exception {
		String running = get("/api/rules").get("version").asString();
		Path table = rules.resolve("shipment-exceptions.drl.csv");
		String shipped = Files.readString(table);
		// a misspelt field in the 'Code is one of' column: the two rows using it cannot compile
		RulesFolder.write(table, shipped.replace("exceptionCode == ", "exceptionCod == "));
		try {
			var response = app.post("/api/rules/reload", "");

			assertThat(response.statusCode()).isEqualTo(422);
			JsonNode errors = JSON.readTree(response.body()).get("errors");
			assertThat(errors).hasSize(2);
			assertThat(errors.get(0).get("file").asString()).isEqualTo("shipment-exceptions.drl.csv");
			assertThat(errors.findValuesAsString("line")).containsExactlyInAnyOrder("11", "12");
			assertThat(errors.get(0).get("message").asString()).contains("exceptionCod");
			assertThat(get("/api/rules").get("version").asString()).isEqualTo(running);

			assertThat(hardDeclineOutreachVersion("reload-2")).isEqualTo(running);
		}
		finally {
			RulesFolder.write(table, shipped);
		}
	}

	@Test
	void aGoodChangeIsPickedUpByTheFileWatch() throws Exception {
		String before = get("/api/rules").get("version").asString();
		Path added = rules.resolve("extra/cancellations.drl");
		Files.createDirectories(added.getParent());
		RulesFolder.write(added, """
				package forewarn.extra;
				import org.forewarn.customer.Order;
				global org.forewarn.rules.Decisions decide;

				rule "order.cancelled: note it"
				    @id("order-cancelled-note")
				when
				    $o : Order( cancelledAt != null )
				then
				    decide.problem( "order.cancelled", $o.getOrderId() );
				end
				""");
		try {
			JsonNode status = awaitVersion(v -> !v.equals(before));
			assertThat(status.get("rules").toString()).contains("order.cancelled: note it");
			assertThat(status.get("files").toString()).contains("extra/cancellations.drl");
			assertThat(status.get("lastAttempt").get("trigger").asString()).isEqualTo("file change");
		}
		finally {
			Files.delete(added);
		}
		awaitVersion(before::equals);
	}

	@Test
	void theTimelineShowsWhichRuleAndRuleSetVersionDecidedAndOnWhatEvidence() throws Exception {
		String version = hardDeclineOutreachVersion("reload-3");

		JsonNode timeline = get("/api/customers/reload-3/timeline");

		JsonNode decided = null;
		for (JsonNode item : timeline) {
			if (item.get("kind").asString().equals("outreach") && decided == null) {
				decided = item;
			}
		}
		assertThat(decided).isNotNull();
		assertThat(decided.get("summary").asString())
			.endsWith("(rule 'payment-failed-hard', rule set " + version + ")");
		JsonNode record = decided.get("details").get("outreach");
		assertThat(record.get("ruleVersion").asString()).isEqualTo(version);
		assertThat(record.get("explanation").asString())
			.contains("Rule 'payment-failed-hard' (rule set " + version + ")")
			.contains("decided on event order.payment_failed reload-3-f")
			.contains("Order reload-3-o");
	}

	/** A hard payment decline, answered at once by the shipped rules; returns the version that decided it. */
	private static String hardDeclineOutreachVersion(String customer) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		app.post("/api/events", "{\"id\":\"" + customer + "-f\",\"type\":\"order.payment_failed\",\"time\":\"" + now
				+ "\",\"customerId\":\"" + customer + "\",\"orderId\":\"" + customer
				+ "-o\",\"data\":{\"hard\":true,\"reason\":\"card blocked\"}}");
		JsonNode outreach = JSON.readTree(app.get("/api/outreach?customerId=" + customer).body());
		assertThat(outreach).hasSize(1);
		assertThat(outreach.get(0).get("rule").asString()).isEqualTo("payment-failed-hard");
		return outreach.get(0).get("ruleVersion").asString();
	}

	private static JsonNode awaitVersion(Predicate<String> expected) throws Exception {
		long deadline = System.nanoTime() + 15_000_000_000L;
		JsonNode status = get("/api/rules");
		while (System.nanoTime() < deadline) {
			status = get("/api/rules");
			if (expected.test(status.get("version").asString())) {
				return status;
			}
			Thread.sleep(100);
		}
		return fail("the file watch did not reload the rules as expected within 15 s: " + status);
	}

	private static JsonNode get(String path) throws Exception {
		return JSON.readTree(app.get(path).body());
	}
}
