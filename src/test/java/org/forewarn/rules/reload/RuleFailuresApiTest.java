package org.forewarn.rules.reload;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that throws at run time, beside the shipped rules on a running server: the event is processed, the other
 * rules' outreach stands, and {@code GET /api/rules} shows the failing rule with a count, the last event and message.
 */
class RuleFailuresApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String FAILING = "payment.review: a duration built from data";
	private static final String FAILING_ID = "payment-review-duration";

	@TempDir
	static Path work;

	static ForewarnApp app;

	@BeforeAll
	static void start() {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		// validate cannot know this duration: it is built from the order at run time
		RulesFolder.write(rules.resolve("failing.drl"), """
				package forewarn.failing;
				import org.forewarn.customer.Order;
				global org.forewarn.rules.Decisions decide;

				rule "%s"
				    @id("%s")
				when
				    $o : Order( paymentOutstanding == true, paymentFailureHard == true )
				then
				    decide.outreach( "payment.review", $o.getOrderId(), "task", "churn_low_rating" )
				          .after( "PT" + $o.getOrderId() );
				end
				""".formatted(FAILING, FAILING_ID));
		app = ForewarnApp.start(work.resolve("data"), "--forewarn.rules=" + rules,
				"--forewarn.rules-watch.enabled=false");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aThrowingRuleIsCountedAndShownWhileTheOthersDecide() throws Exception {
		assertThat(hardDecline("fail-1").statusCode()).isBetween(200, 299);
		assertThat(hardDecline("fail-2").statusCode()).isBetween(200, 299);

		JsonNode outreach = JSON.readTree(app.get("/api/outreach?customerId=fail-2").body());
		assertThat(outreach).hasSize(1);
		assertThat(outreach.get(0).get("rule").asString()).isEqualTo("payment-failed-hard");

		JsonNode status = JSON.readTree(app.get("/api/rules").body());
		JsonNode failures = status.get("failures");
		assertThat(failures).hasSize(1);
		JsonNode failure = failures.get(0);
		assertThat(failure.get("rule").asString()).isEqualTo(FAILING_ID);
		assertThat(failure.get("count").asLong()).isEqualTo(2);
		assertThat(failure.get("lastEventId").asString()).isEqualTo("fail-2-f");
		assertThat(failure.get("lastMessage").asString()).isEqualTo("java.lang.IllegalArgumentException: "
				+ ".after(\"PTfail-2-o\"): not an ISO-8601 duration such as PT12H or P1D");
		assertThat(failure.get("ruleVersion").asString()).isEqualTo(status.get("version").asString());
		assertThat(Instant.parse(failure.get("lastSeen").asString()))
			.isAfterOrEqualTo(Instant.parse(failure.get("firstSeen").asString()));
	}

	private static java.net.http.HttpResponse<String> hardDecline(String customer) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return app.post("/api/events", "{\"id\":\"" + customer + "-f\",\"type\":\"order.payment_failed\","
				+ "\"time\":\"" + now + "\",\"customerId\":\"" + customer + "\",\"orderId\":\"" + customer
				+ "-o\",\"data\":{\"hard\":true,\"reason\":\"card blocked\"}}");
	}
}
