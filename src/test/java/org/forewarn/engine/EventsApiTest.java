package org.forewarn.engine;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.json;
import static org.forewarn.engine.LiveEvents.await;

/** The HTTP intake on the embedded default: per-event answers, duplicates, bad input, JSON for browsers. */
class EventsApiTest {

	@TempDir
	static Path data;

	static ForewarnApp app;

	@BeforeAll
	static void start() {
		app = ForewarnApp.start(data);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void answersEveryEventOfABatchAndBadOnesDoNotDisturbTheGoodOnes() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String batch = "[" + customer("api-1", now, true) + ","
				+ "\"just a string\","
				+ "{\"id\":\"api-1-x\",\"type\":\"order.placed\",\"customerId\":\"api-1\",\"orderId\":\"o\"},"
				+ "{\"id\":\"api-1-y\",\"type\":\"order.vanished\",\"time\":\"" + now + "\",\"customerId\":\"api-1\"},"
				+ "{\"id\":\"api-1-z\",\"type\":\"order.paid\",\"time\":\"next tuesday\",\"customerId\":\"api-1\","
				+ "\"orderId\":\"o\"},"
				+ LiveEvents.orderPlaced("api-1", "api-1-o1", now, now.plus(Duration.ofDays(2)),
						now.plus(Duration.ofDays(6)))
				+ "]";

		JsonNode answer = json(app.post("/api/events", batch).body());

		assertThat(answer.get("accepted").asInt()).isEqualTo(2);
		assertThat(answer.get("rejected").asInt()).isEqualTo(4);
		JsonNode results = answer.get("results");
		assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(results.get(1).get("reason").asString()).isEqualTo("event: must be a JSON object");
		assertThat(results.get(2).get("reason").asString()).isEqualTo("time: required");
		assertThat(results.get(3).get("reason").asString()).isEqualTo("type: unknown event type 'order.vanished'");
		assertThat(results.get(4).get("reason").asString()).startsWith("time: 'next tuesday' is not an RFC 3339");
		assertThat(results.get(5).get("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void aCustomerWhoseIdAPathCannotCarryHasATimelineByQuery() throws Exception {
		String event = "{\"id\":\"api-6-a\",\"type\":\"account.activity\",\"time\":\""
				+ Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"customerId\":\"tenant/6;x\","
				+ "\"data\":{\"metric\":\"logins\",\"value\":3}}";
		assertThat(app.post("/api/events", event).statusCode()).isEqualTo(202);

		String timeline = app.get("/api/customers/timeline?customerId=tenant%2F6%3Bx").body();

		assertThat(timeline).contains("\"kind\":\"event\"", "api-6-a");
	}

	@Test
	void theTimelineOfACustomerNothingIsHeldAboutIsA404NamingTheId() throws Exception {
		HttpResponse<String> byPath = app.get("/api/customers/no-such-customer/timeline");
		HttpResponse<String> byQuery = app.get("/api/customers/timeline?customerId=no-such-customer");

		assertThat(byPath.statusCode()).isEqualTo(404);
		assertThat(byPath.body()).contains("customer no-such-customer", "\"parameter\":\"customerId\"");
		assertThat(byQuery.statusCode()).isEqualTo(404);
		assertThat(byQuery.body()).contains("customer no-such-customer");
	}

	@Test
	void aRepeatedEventIdIsADuplicateAndNeverActedOnTwice() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String lowRating = "{\"id\":\"api-2-f\",\"type\":\"account.feedback\",\"time\":\"" + now
				+ "\",\"customerId\":\"api-2\",\"data\":{\"score\":1,\"scale\":\"csat5\"}}";

		assertThat(app.post("/api/events", lowRating).statusCode()).isEqualTo(202);
		HttpResponse<String> again = app.post("/api/events", lowRating);

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json(again.body()).get("results").get(0).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(json(app.get("/api/outreach?customerId=api-2").body())).hasSize(1);
	}

	@Test
	void aBodyThatIsNotJsonOrNamesAFieldTwiceIsRejectedAsAWhole() throws Exception {
		HttpResponse<String> response = app.post("/api/events", "{not json");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response.body()).get("results").get(0).get("reason").asString())
			.startsWith("event: not valid JSON");

		// a name twice is ambiguous JSON: which customer, which consent? Nothing of the body is processed
		HttpResponse<String> twice = app.post("/api/events", "[" + customer("api-4", Instant.now(), true)
			.replace("\"customerId\":\"api-4\"", "\"customerId\":\"api-4\",\"customerId\":\"api-5\"") + "]");

		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(json(twice.body()).get("results").get(0).get("reason").asString())
			.isEqualTo("event: not valid JSON (Duplicate Object property \"customerId\")");
		assertThat(app.get("/api/customers/api-4/timeline").body()).doesNotContain("\"kind\":\"event\"");
		assertThat(app.get("/api/customers/api-5/timeline").body()).doesNotContain("\"kind\":\"event\"");
	}

	@Test
	void aDueTimerSendsAndTheTimelineShowsWhy() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// shipBy passed 30 hours ago: the one-day grace ended 6 hours ago, so the wakeup is due at once
		app.post("/api/events", "[" + customer("api-3", now, true) + "," + LiveEvents.orderPlaced("api-3", "api-3-o",
				now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(30)), now.plus(Duration.ofDays(5))) + "]");

		JsonNode sent = await(app, "/api/outreach?customerId=api-3&status=SENT", 1).get(0);
		assertThat(json(app.get("/api/outreach?customerId=api-3&channel=EMAIL").body())).as("any case").hasSize(1);
		assertThat(json(app.get("/api/outreach?customerId=api-3&channel=sms").body())).isEmpty();

		assertThat(sent.get("problem").asString()).isEqualTo("order.not_shipped");
		assertThat(sent.get("sendAt").asString()).isEqualTo(now.minus(Duration.ofHours(6)).toString());
		assertThat(sent.get("statusReason").asString()).startsWith("recorded, not sent");
		assertThat(sent.get("explanation").asString()).contains("timer 'handoff deadline'", "Order api-3-o");
		String timeline = app.get("/api/customers/api-3/timeline").body();
		assertThat(timeline).contains("\"kind\":\"event\"", "\"kind\":\"detection\"", "\"kind\":\"outreach\"",
				"order.not_shipped detected by rule");
	}

	@Test
	void browsersGetJsonAndHealthSaysChannelsOnlyRecord() throws Exception {
		HttpResponse<String> outreach = app.get("/api/outreach",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(outreach.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));

		JsonNode channels = json(app.get("/actuator/health").body()).get("components").get("channels");
		assertThat(channels.get("details").get("email").asString()).startsWith("recording only");
		assertThat(channels.get("details").get("sms").asString()).startsWith("recording only");
	}
}
