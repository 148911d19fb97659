package org.forewarn.privacy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.forewarn.TestEvents;
import org.forewarn.TestServer;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.logging.LogContext;
import org.forewarn.suppression.SuppressionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's data is exported, then erased: afterwards no column of any table holds their email, phone or name;
 * the export taken before held all of it; their waiting outreach is cancelled; an old event sent again is still a
 * duplicate; a new event starts a new, empty profile. On H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class CustomerErasureTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String ID = "erase-me";
	private static final String EMAIL = "zebulon.quixote@privacy.example";
	private static final String PHONE = "+15557654321";
	private static final String NAME = "Zebulon Quixote";
	private static final List<String> PERSONAL = List.of(EMAIL, PHONE, NAME);

	@TempDir
	Path data;

	@Test
	void onH2(CapturedOutput output) throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			exportThenErase(app);
		}
		assertThat(output.getOut()).as("the log names the customer by reference only")
			.contains("Erased the personal data of customer " + LogContext.customerRef(ID) + " for pia")
			.doesNotContain("customer " + ID);
	}

	@Test
	void onPostgres() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				PostgresForewarn app = PostgresForewarn.start(postgres, "--forewarn.rules-watch.enabled=false")) {
			exportThenErase(app);
		}
	}

	private void exportThenErase(TestServer app) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		DataSource db = app.bean(DataSource.class);
		post(app, "{\"id\":\"er-profile\",\"type\":\"customer.updated\",\"time\":\"" + now.minus(Duration.ofDays(3))
				+ "\",\"customerId\":\"" + ID + "\",\"data\":{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE
				+ "\",\"name\":\"" + NAME + "\",\"timeZone\":\"UTC\",\"consent\":{\"email\":true,\"sms\":true}}}");
		// an order that should have shipped two days ago: an email goes out (recorded) once its wakeup fires
		post(app, "{\"id\":\"er-o1\",\"type\":\"order.placed\",\"time\":\"" + now.minus(Duration.ofDays(3))
				+ "\",\"customerId\":\"" + ID + "\",\"orderId\":\"er-o1\",\"data\":{\"shipBy\":\""
				+ now.minus(Duration.ofDays(2)) + "\",\"promisedBy\":\"" + now.plus(Duration.ofDays(4)) + "\"}}");
		// a weather delay: an email waits four hours
		post(app, TestEvents.simple("er-o2", "order.placed", now.minus(Duration.ofHours(1)), ID, "er-o2",
				"{\"shipBy\":\"" + now.plus(Duration.ofDays(1)) + "\",\"promisedBy\":\"" + now.plus(Duration.ofDays(5))
						+ "\"}"));
		post(app, TestEvents.simple("er-o2-shipped", "order.shipped", now.minus(Duration.ofMinutes(50)), ID, "er-o2",
				"{\"carrier\":\"ups\"}"));
		post(app, TestEvents.simple("er-o2-exception", "shipment.exception", now.minus(Duration.ofMinutes(40)), ID,
				"er-o2", "{\"code\":\"weather\",\"description\":\"" + NAME + "'s parcel is held by snow\"}"));
		// a low rating opens a follow-up task; the support lead's note names the customer
		post(app, TestEvents.simple("er-feedback", "account.feedback", now.minus(Duration.ofMinutes(30)), ID, null,
				"{\"score\":1,\"scale\":\"csat5\",\"orderId\":\"er-o1\",\"comment\":\"" + NAME + " here, call me on "
						+ PHONE + "\"}"));
		List<JsonNode> outreach = awaitOutreach(app, 3);
		String taskId = outreach.stream().filter(o -> o.get("channel").asString().equals("task")).findFirst()
			.orElseThrow().get("id").asString();
		assertThat(app.post("/api/followups/" + taskId + "/resolve", "{\"note\":\"called " + NAME + " at " + PHONE
				+ ", mailed " + EMAIL + "\"}").statusCode()).isEqualTo(200);
		// the customer asked not to be texted: the entry must keep refusing the number after erasure
		assertThat(app.post("/api/suppressions", "{\"channel\":\"sms\",\"address\":\"" + PHONE
				+ "\",\"reason\":\"" + NAME + " asked on " + PHONE + "\"}").statusCode()).isEqualTo(201);
		// as staff type them: the name in capitals, the email in mixed case, the phone without its country code
		assertThat(app.post("/api/suppressions", "{\"channel\":\"email\",\"address\":\"Zebulon.Quixote@Privacy.example"
				+ "\",\"reason\":\"ZEBULON QUIXOTE phoned from (555) 765-4321 about Zebulon.Quixote@Privacy.example,"
				+ " tel +1 415 555 0999\"}").statusCode()).isEqualTo(201);
		assertThat(DatabaseScan.find(db, PERSONAL).hits()).as("the scan finds what is there")
			.extracting(DatabaseScan.Hit::text).contains(EMAIL, PHONE, NAME);

		HttpCaller privacy = app.asNewUser("pia", "privacy");
		HttpResponse<String> exported = privacy.get("/api/customers/" + ID + "/export");
		assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
		JsonNode export = JSON.readTree(exported.body());
		assertThat(exported.body()).contains(EMAIL, PHONE, NAME, "called " + NAME);
		assertThat(export.get("consent").get("email").asBoolean()).isTrue();
		List<String> eventIds = new ArrayList<>();
		export.get("events").forEach(e -> eventIds.add(e.get("id").asString()));
		assertThat(eventIds).as("events, the wakeups' timer events among them").contains("er-profile", "er-o1",
				"er-o2", "er-o2-shipped", "er-o2-exception", "er-feedback");
		assertThat(export.get("detections")).isNotEmpty();
		List<String> exportedIds = new ArrayList<>();
		export.get("outreach").forEach(o -> exportedIds.add(o.get("record").get("id").asString()));
		assertThat(exportedIds).containsExactlyInAnyOrderElementsOf(outreach.stream()
			.map(o -> o.get("id").asString()).toList());
		JsonNode sent = find(export.get("outreach"), "order_not_shipped");
		assertThat(sent.get("message").get("recipient").asString()).isEqualTo(EMAIL);
		assertThat(sent.get("attempts")).isNotEmpty();
		assertThat(sent.get("history")).isNotEmpty();
		assertThat(export.get("followups")).hasSize(1);
		assertThat(privacy.get("/api/customers/" + ID + "/timeline").statusCode()).as("privacy is not support")
			.isEqualTo(403);

		CustomerStateStore states = app.bean(CustomerStateStore.class);
		assertThat(states.keeps(ID)).as("the lane keeps the state it saved").isTrue();
		HttpResponse<String> erased = privacy.delete("/api/customers/" + ID);
		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat(JSON.readTree(erased.body()).get("erasedBy").asString()).isEqualTo("pia");
		assertThat(JSON.readTree(erased.body()).get("cancelled").asInt()).isEqualTo(1);
		assertThat(JSON.readTree(erased.body()).get("events").asInt()).isPositive();
		assertThat(JSON.readTree(erased.body()).get("outreach").asInt()).isEqualTo(3);

		DatabaseScan.Result scan = DatabaseScan.find(db, PERSONAL);
		assertThat(scan.tables()).as("tables read").isGreaterThan(15);
		assertThat(scan.hits()).as("personal data left after erasure").isEmpty();
		assertThat(states.keeps(ID)).as("personal data left in memory after erasure").isFalse();

		assertThat(app.bean(SuppressionList.class).refusal("sms", PHONE)).as("still suppressed, under a digest")
			.isNotNull();
		assertThat(app.bean(SuppressionList.class).refusal("email", EMAIL)).as("still suppressed, under a digest")
			.startsWith("suppressed: (erased) phoned from (erased) about (erased), tel (erased) on ");
		assertThat(app.get("/api/suppressions?size=100").body().toLowerCase()).doesNotContain("zebulon", "quixote",
				"765-4321", "765 4321", "555 0999");

		List<JsonNode> after = outreachOf(app);
		assertThat(after).hasSize(3);
		JsonNode waiting = find(after, "shipment_exception_delay");
		assertThat(waiting.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(waiting.get("statusReason").asString()).isEqualTo("customer data erased");
		assertThat(find(after, "order_not_shipped").get("status").asString()).isEqualTo("SENT");
		JdbcClient jdbc = JdbcClient.create(db);
		assertThat(jdbc.sql("select actor || ' ' || action from privacy_audit where customer_id = ? order by at")
			.param(ID).query(String.class).list()).containsExactly("pia export", "pia erase");
		assertThat(jdbc.sql("select erased_by from customer_erasure where customer_id = ?").param(ID)
			.query(String.class).list()).containsExactly("pia");

		JsonNode again = JSON.readTree(privacy.delete("/api/customers/" + ID).body());
		assertThat(List.of(again.get("events").asInt(), again.get("outreach").asInt(), again.get("cancelled").asInt(),
				again.get("messages").asInt())).as("erased again: nothing was left to erase").containsOnly(0);
		assertThat(again.get("profile").asBoolean()).isFalse();

		// the old event again: still a duplicate, nothing comes back
		assertThat(app.post("/api/events", "{\"id\":\"er-profile\",\"type\":\"customer.updated\",\"time\":\""
				+ now.minus(Duration.ofDays(3)) + "\",\"customerId\":\"" + ID + "\",\"data\":{\"email\":\"" + EMAIL
				+ "\",\"name\":\"" + NAME + "\"}}").body()).contains("DUPLICATE");
		assertThat(DatabaseScan.find(db, PERSONAL).hits()).isEmpty();

		// a new event: a new, empty profile with only what it says
		post(app, "{\"id\":\"er-profile-2\",\"type\":\"customer.updated\",\"time\":\"" + now + "\",\"customerId\":\""
				+ ID + "\",\"data\":{\"email\":\"new.address@privacy.example\",\"consent\":{\"email\":false}}}");
		JsonNode fresh = JSON.readTree(privacy.get("/api/customers/" + ID + "/export").body());
		assertThat(fresh.get("profile").get("customer").get("email").asString())
			.isEqualTo("new.address@privacy.example");
		assertThat(fresh.get("profile").get("customer").get("name").isNull()).isTrue();
		assertThat(fresh.get("profile").get("orders")).isEmpty();
		assertThat(fresh.get("erasures")).hasSize(2);
		assertThat(fresh.get("events").get(0).get("data")).as("erased events keep their envelope only").isEmpty();

		assertThat(privacy.delete("/api/customers/never-seen").statusCode()).isEqualTo(404);
		assertThat(privacy.get("/api/customers/never-seen/export").statusCode()).isEqualTo(404);
	}

	private static void post(TestServer app, String event) throws Exception {
		HttpResponse<String> response = app.post("/api/events", event);
		assertThat(response.body()).as(event).contains("ACCEPTED");
	}

	/** Waits until the customer has {@code count} records and none of them is still being sent. */
	private static List<JsonNode> awaitOutreach(TestServer app, int count) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<JsonNode> records = outreachOf(app);
		while (!(records.size() == count && records.stream().anyMatch(o -> o.get("status").asString().equals("SENT"))
				&& records.stream().anyMatch(o -> o.get("status").asString().equals("OPEN")))
				&& System.nanoTime() < until) {
			Thread.sleep(200);
			records = outreachOf(app);
		}
		assertThat(records).as("outreach of " + ID).hasSize(count);
		return records;
	}

	private static List<JsonNode> outreachOf(TestServer app) throws Exception {
		List<JsonNode> records = new ArrayList<>();
		JSON.readTree(app.get("/api/outreach?customerId=" + ID).body()).forEach(records::add);
		return records;
	}

	private static JsonNode find(Iterable<JsonNode> records, String template) {
		for (JsonNode o : records) {
			JsonNode record = o.has("record") ? o.get("record") : o;
			if (record.get("template").asString().equals(template)) {
				return o;
			}
		}
		throw new AssertionError("no outreach with template " + template + " in " + records);
	}
}
