package org.forewarn.rules.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outreach still waiting when its rule is removed is called off at the customer's next event, and says that its rule
 * went, not that the problem was resolved by whatever event came next.
 */
class RuleRemovedLiveTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void waitingOutreachOfARemovedRuleIsCalledOffNamingTheRule() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		Path table = rules.resolve("shipment-exceptions.drl.csv");
		String shipped = Files.readString(table);
		try (ForewarnApp app = ForewarnApp.start(work.resolve("data"), "--forewarn.rules=" + rules,
				"--forewarn.rules-watch.enabled=false")) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			post(app, "{\"id\":\"rm-c\",\"type\":\"customer.updated\",\"time\":\"" + now.minusSeconds(60)
					+ "\",\"customerId\":\"rm\",\"data\":{\"email\":\"rm@example.com\",\"consent\":{\"email\":true}}}");
			post(app, "{\"id\":\"rm-o\",\"type\":\"order.placed\",\"time\":\"" + now.minusSeconds(50)
					+ "\",\"customerId\":\"rm\",\"orderId\":\"rm-o\",\"data\":{\"promisedBy\":\""
					+ now.plus(10, ChronoUnit.DAYS) + "\"}}");
			post(app, "{\"id\":\"rm-s\",\"type\":\"order.shipped\",\"time\":\"" + now.minusSeconds(40)
					+ "\",\"customerId\":\"rm\",\"orderId\":\"rm-o\",\"data\":{\"carrier\":\"c\"}}");
			post(app, "{\"id\":\"rm-x\",\"type\":\"shipment.exception\",\"time\":\"" + now.minusSeconds(30)
					+ "\",\"customerId\":\"rm\",\"orderId\":\"rm-o\",\"data\":{\"code\":\"weather\"}}");
			JsonNode delay = only(app);
			assertThat(delay.get("rule").asString()).isEqualTo("shipment-exception-delay");
			assertThat(delay.get("status").asString()).isEqualTo("SCHEDULED");

			RulesFolder.write(table, shipped.lines().filter(line -> !line.contains("shipment-exception-delay"))
				.reduce("", (text, line) -> text + line + "\n"));
			var reload = app.post("/api/rules/reload", "");
			assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
			String version = JSON.readTree(reload.body()).get("version").asString();
			post(app, "{\"id\":\"rm-a\",\"type\":\"account.activity\",\"time\":\"" + now.minusSeconds(20)
					+ "\",\"customerId\":\"rm\",\"data\":{\"metric\":\"logins\",\"value\":3}}");

			JsonNode calledOff = only(app);
			assertThat(calledOff.get("status").asString()).isEqualTo("CANCELLED");
			assertThat(calledOff.get("statusReason").asString())
				.isEqualTo("rule 'shipment-exception-delay' is no longer in the rules (rule set " + version + ")");
		}
	}

	private static void post(ForewarnApp app, String event) throws Exception {
		var response = app.post("/api/events", event);
		assertThat(response.statusCode()).as(response.body()).isLessThan(300);
		assertThat(response.body()).contains("ACCEPTED");
	}

	private static JsonNode only(ForewarnApp app) throws Exception {
		JsonNode records = JSON.readTree(app.get("/api/outreach?customerId=rm").body());
		assertThat(records).as(records.toString()).hasSize(1);
		return records.get(0);
	}
}
