package org.forewarn.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest report, and comparing two rule folders over the same events. */
class ReplayReportTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void writesASelfContainedReportAndWhatAnotherRuleFolderChanges() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of(
				line("c1-p", "customer.updated", "2026-03-01T10:00:00Z", null,
						"{\"email\":\"c1@x.example\",\"consent\":{\"email\":true}}"),
				// late: not delivered a day before its promised date
				line("o1-p", "order.placed", "2026-03-01T10:00:00Z", "o1", "{\"promisedBy\":\"2026-03-08T12:00:00Z\"}"),
				// never handed to the carrier
				line("o2-p", "order.placed", "2026-03-01T11:00:00Z", "o2", "{\"shipBy\":\"2026-03-02T11:00:00Z\"}"),
				// on time, but still on its way two days before the promise
				line("o3-p", "order.placed", "2026-03-01T12:00:00Z", "o3", "{\"promisedBy\":\"2026-03-08T12:00:00Z\"}"),
				line("o3-d", "order.delivered", "2026-03-06T20:00:00Z", "o3", "{}"),
				"this line is not JSON",
				line("o1-d", "order.delivered", "2026-03-09T10:00:00Z", "o1", "{}")));
		Path other = copyOfShippedRules();
		Files.delete(other.resolve("orders.drl"));
		// two days before the promise instead of one: one threshold, and the rule renamed to say so
		Path thresholds = other.resolve("thresholds.properties");
		Files.writeString(thresholds, Files.readString(thresholds)
			.replace("shipment.late.notice-before = P1D", "shipment.late.notice-before = P2D"));
		Path shipments = other.resolve("shipments.drl");
		Files.writeString(shipments, Files.readString(shipments)
			.replace("not delivered a day before the promised date", "not delivered two days before the promised date"));
		Files.writeString(other.resolve("welcome.drl"), """
				package forewarn.welcome;
				import org.forewarn.customer.Order;
				global org.forewarn.rules.Decisions decide;
				rule "welcome: a person calls about every new order"
				    @id("welcome-call")
				when
				    $o : Order( open == true )
				then
				    decide.outreach( "welcome", $o.getOrderId(), "task", "churn_low_rating" );
				end
				""");
		Path out = work.resolve("out");

		int exit = ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(), "--compare",
				other.toString() });

		assertThat(exit).isZero();
		String report = Files.readString(out.resolve("report.html"));
		assertThat(report).contains("1 of 7 lines were not replayed (rejected 1, failed 0)",
				"<b>7</b>lines read", "<b>6</b>events accepted", "<b>1</b>lines rejected");
		assertThat(report).startsWith("<!DOCTYPE html>")
			.contains("What each rule found", "shipment-late-notice",
					"order-not-shipped-notice")
			.contains("Outreach by channel and status", "Outreach decided per day", "<svg")
			.contains("Lead time before the promised date", "median 24.0 hours")
			.contains("What the other rules change", "welcome-call")
			.doesNotContain("<script", "<link", "src=\"http", "href=\"http", "url(");
		List<JsonNode> changes = Files.readAllLines(out.resolve("changes.jsonl")).stream().map(JSON::readTree).toList();
		assertThat(changes).extracting(c -> c.get("change").asString() + " " + c.get("key").asString())
			.containsExactlyInAnyOrder(
					"removed c1|order.not_shipped|o2|order-not-shipped-notice",
					"changed c1|shipment.late|o1|shipment-late-notice",
					"added c1|shipment.late|o3|shipment-late-notice",
					"added c1|welcome|o1|welcome-call",
					"added c1|welcome|o2|welcome-call",
					"added c1|welcome|o3|welcome-call");
		JsonNode late = changes.stream().filter(c -> c.get("change").asString().equals("changed")).findFirst()
			.orElseThrow();
		assertThat(late.get("before").get("sendAt").asString()).isEqualTo("2026-03-07T12:00:00Z");
		assertThat(late.get("after").get("sendAt").asString()).isEqualTo("2026-03-06T12:00:00Z");
		assertThat(out.resolve("compare/outreach.jsonl")).exists();
		// the threshold moved: the same rule decides differently, and the figures say it got worse
		assertThat(Files.readString(out.resolve("comparison.txt"))).contains(
				"  orders with a known outcome            2 -> 2\n",
				"  orders messaged                        1 -> 2\n",
				"  precision                              1.000 -> 0.500\n",
				"  needless messages per 1,000 orders     0.0 -> 500.0\n",
				"  median lead before the promise (h)     24.0 -> 48.0\n",
				"  messages per messaged customer         1.000 -> 2.000\n",
				"  shipment-late-notice             333.3 (precision 1.000, on time 0) -> 666.7 (precision 0.500, on"
						+ " time 1); now goes out 1 (called off before 0), no longer 0\n",
				"    WARNING: messages 100.0 % of all orders (warning above 10 %)\n",
				"       3 none -> OPEN\n",
				"       1 SENT -> none\n",
				"       1 none -> SENT\n");
		assertThat(report).contains("Is the change better?", "<span class=\"removed\">worse</span>",
				"Status changes", "none -&gt; OPEN");
		assertThat(Files.readString(out.resolve("summary.txt"))).contains(
				"Replayed 7 lines in ", "  precision                              1.000\n",
				"  messages per messaged customer         1.000\n");
		assertThat(report).contains("Messages per messaged customer, which the scorer has not");
	}

	@Test
	void aProblemThatCameBackIsComparedOccurrenceByOccurrence() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of(
				line("c1-p", "customer.updated", "2026-03-01T10:00:00Z", null,
						"{\"email\":\"c1@x.example\",\"consent\":{\"email\":true}}"),
				line("o1-s", "order.shipped", "2026-03-03T10:00:00Z", "o1", "{\"carrier\":\"dhl\"}"),
				line("o1-x1", "shipment.exception", "2026-03-04T10:00:00Z", "o1", "{\"code\":\"customs\"}"),
				line("o1-scan", "shipment.scanned", "2026-03-04T12:00:00Z", "o1", "{\"status\":\"released\"}"),
				line("o1-x2", "shipment.exception", "2026-03-05T10:00:00Z", "o1", "{\"code\":\"weather\"}"),
				line("o1-d", "order.delivered", "2026-03-07T10:00:00Z", "o1", "{}")));
		// a delay written about after one hour instead of four: the first one goes out before the scan clears it
		Path other = copyOfShippedRules();
		Path table = other.resolve("shipment-exceptions.drl.csv");
		Files.writeString(table, Files.readString(table).replace("shipment_exception_delay,4", "shipment_exception_delay,1"));
		Path out = work.resolve("out");

		assertThat(ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(), "--compare",
				other.toString() })).isZero();

		List<JsonNode> changes = Files.readAllLines(out.resolve("changes.jsonl")).stream().map(JSON::readTree).toList();
		assertThat(changes).extracting(c -> c.get("change").asString() + " " + status(c.get("before")) + " -> "
				+ status(c.get("after"))).containsExactlyInAnyOrder("changed CANCELLED -> SENT", "removed SENT -> none");
		assertThat(Files.readString(out.resolve("comparison.txt"))).contains("1 CANCELLED -> SENT", "1 SENT -> none");
	}

	private static String status(JsonNode record) {
		return record == null || record.isNull() ? "none" : record.get("status").asString();
	}

	private Path copyOfShippedRules() throws IOException {
		Path rules = Files.createDirectories(work.resolve("other-rules"));
		try (Stream<Path> files = Files.list(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, rules.resolve(file.getFileName()));
			}
		}
		return rules;
	}

	private static String line(String id, String type, String time, String order, String data) {
		return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + time + "\",\"customerId\":\"c1\""
				+ (order == null ? "" : ",\"orderId\":\"" + order + "\"") + ",\"data\":" + data + "}";
	}
}
