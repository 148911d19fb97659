package org.forewarn.rules.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running server, renaming a rule that keeps its @id changes no record: the event that made it send before
 * finds the same dedupe key and sends nothing again. A new @id is a new rule, which sends anew (rules/README.md,
 * "Rule ids").
 */
class RuleRenameLiveTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String NAME = "payment.failed: hard decline, reach out now";
	private static final String RENAMED = "payment.failed: card refused outright, call at once";

	@TempDir
	Path work;

	@Test
	void aRenameKeepingTheIdSendsNothingTwiceAndANewIdIsANewRule() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		Path orders = rules.resolve("orders.drl");
		String shipped = Files.readString(orders);
		assertThat(shipped).contains("rule \"" + NAME + "\"\n    @id(\"payment-failed-hard\")");
		try (ForewarnApp app = ForewarnApp.start(work.resolve("data"), "--forewarn.rules=" + rules,
				"--forewarn.rules-watch.enabled=false")) {
			hardDecline(app, "1");
			JsonNode first = outreach(app);
			assertThat(first).hasSize(1);
			assertThat(first.get(0).get("rule").asString()).isEqualTo("payment-failed-hard");

			RulesFolder.write(orders, shipped.replace("rule \"" + NAME + "\"", "rule \"" + RENAMED + "\""));
			JsonNode reload = reload(app);
			assertThat(reload.get("ruleIds").get("payment-failed-hard").asString()).isEqualTo(RENAMED);
			assertThat(reload.get("rules").toString()).doesNotContain(NAME);

			hardDecline(app, "2");
			JsonNode afterRename = outreach(app);
			assertThat(afterRename).as("the renamed rule finds its own record: dedupe holds").hasSize(1);
			assertThat(afterRename.get(0).get("id").asString()).isEqualTo(first.get(0).get("id").asString());
			assertThat(afterRename.get(0).get("status").asString())
				.isEqualTo(first.get(0).get("status").asString());

			RulesFolder.write(orders, shipped.replace("rule \"" + NAME + "\"", "rule \"" + RENAMED + "\"")
				.replace("@id(\"payment-failed-hard\")", "@id(\"payment-failed-hard-v2\")"));
			assertThat(reload(app).get("ruleIds").get("payment-failed-hard-v2").asString()).isEqualTo(RENAMED);

			hardDecline(app, "3");
			JsonNode afterNewId = outreach(app);
			assertThat(afterNewId).as("a new id is a new rule, with a dedupe key of its own").hasSize(2);
			assertThat(afterNewId.findValuesAsString("rule"))
				.containsExactlyInAnyOrder("payment-failed-hard", "payment-failed-hard-v2");
		}
	}

	/** The same order's card declined again, as a new event: the shipped rule answers a hard decline at once. */
	private static void hardDecline(ForewarnApp app, String attempt) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var response = app.post("/api/events", "{\"id\":\"rename-f" + attempt
				+ "\",\"type\":\"order.payment_failed\",\"time\":\"" + now + "\",\"customerId\":\"rename\","
				+ "\"orderId\":\"rename-o\",\"data\":{\"hard\":true,\"reason\":\"card blocked\"}}");
		assertThat(response.statusCode()).as(response.body()).isLessThan(300);
	}

	private static JsonNode reload(ForewarnApp app) throws Exception {
		var response = app.post("/api/rules/reload", "");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("outcome").asString()).isEqualTo("LOADED");
		return JSON.readTree(app.get("/api/rules").body());
	}

	private static JsonNode outreach(ForewarnApp app) throws Exception {
		return JSON.readTree(app.get("/api/outreach?customerId=rename").body());
	}
}
