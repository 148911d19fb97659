package org.forewarn.rules.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.forewarn.ForewarnApp;
import org.forewarn.outreach.Detection;
import org.forewarn.outreach.DetectionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events keep flowing while the rules are reloaded again and again: every event is evaluated, and by exactly one
 * rule set version, never by half of one. Each version has two files whose rules carry the version's tag; an event
 * decided by one version must show both of that version's rules and nothing of the other.
 */
class ReloadUnderLoadTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int SENDERS = 3;
	private static final int EVENTS_PER_SENDER = 150;

	@TempDir
	Path work;

	@Test
	void everyEventIsEvaluatedByExactlyOneRuleSetVersion() throws Exception {
		Path rules = work.resolve("rules");
		writeVersion(rules, "v1");
		try (ForewarnApp app = ForewarnApp.start(work.resolve("data"), "--forewarn.rules=" + rules,
				"--forewarn.rules-watch.enabled=false")) {
			String v1 = status(app).get("version").asString();
			ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
			List<Future<List<String>>> answers = new ArrayList<>();
			for (int s = 0; s < SENDERS; s++) {
				int sender = s;
				answers.add(senders.submit(() -> send(app, sender)));
			}
			senders.shutdown();
			Map<String, String> tagOfVersion = new HashMap<>(Map.of(v1, "v1"));
			int reloads = 0;
			while (!senders.isTerminated()) {
				String tag = reloads % 2 == 0 ? "v2" : "v1";
				writeVersion(rules, tag);
				JsonNode attempt = JSON.readTree(app.post("/api/rules/reload", "").body());
				assertThat(attempt.get("outcome").asString()).isEqualTo("LOADED");
				tagOfVersion.put(attempt.get("version").asString(), tag);
				reloads++;
				Thread.sleep(50);
			}

			List<String> statuses = new ArrayList<>();
			for (Future<List<String>> answer : answers) {
				statuses.addAll(answer.get());
			}
			assertThat(statuses).hasSize(SENDERS * EVENTS_PER_SENDER).containsOnly("ACCEPTED");
			assertThat(reloads).as("reloads while events were flowing").isGreaterThanOrEqualTo(2);

			DetectionStore detections = app.bean(DetectionStore.class);
			Map<String, Integer> eventsPerTag = new HashMap<>();
			for (int s = 0; s < SENDERS; s++) {
				for (int i = 0; i < EVENTS_PER_SENDER; i++) {
					List<Detection> found = detections.findByCustomer(customer(s, i));
					assertThat(found).as("detections for " + customer(s, i)).hasSize(2);
					String version = found.get(0).ruleVersion();
					assertThat(found).allMatch(d -> d.ruleVersion().equals(version));
					String tag = tagOfVersion.get(version);
					assertThat(tag).as("version " + version + " is one that was loaded").isNotNull();
					assertThat(found).extracting(Detection::rule)
						.containsExactlyInAnyOrder("load-a-" + tag, "load-b-" + tag);
					eventsPerTag.merge(tag, 1, Integer::sum);
				}
			}
			assertThat(eventsPerTag).as("both versions decided some events").containsKeys("v1", "v2");
			System.out.println("reloads during the load: " + reloads + ", events per version: " + eventsPerTag);
		}
	}

	private static List<String> send(ForewarnApp app, int sender) throws Exception {
		List<String> statuses = new ArrayList<>();
		Instant time = Instant.parse("2026-01-05T10:00:00Z");
		for (int i = 0; i < EVENTS_PER_SENDER; i++) {
			String customer = customer(sender, i);
			JsonNode answer = JSON.readTree(app.post("/api/events", "{\"id\":\"" + customer
					+ "-placed\",\"type\":\"order.placed\",\"time\":\"" + time + "\",\"customerId\":\"" + customer
					+ "\",\"orderId\":\"" + customer + "-o\"}").body());
			statuses.add(answer.get("results").get(0).get("status").asString());
		}
		return statuses;
	}

	private static String customer(int sender, int i) {
		return "load-" + sender + "-" + i;
	}

	/** Two files, each with one rule named after the version tag. */
	private static void writeVersion(Path rules, String tag) throws Exception {
		Files.createDirectories(rules);
		for (String file : List.of("a", "b")) {
			RulesFolder.write(rules.resolve(file + ".drl"), """
					package forewarn.load;
					import org.forewarn.rules.Trigger;
					global org.forewarn.rules.Decisions decide;

					rule "%s %s"
					    @id("load-%s-%s")
					when
					    $t : Trigger( type == "order.placed" )
					then
					    decide.problem( "load.%s", $t.getOrderId() );
					end
					""".formatted(file, tag, file, tag, file));
		}
	}

	private static JsonNode status(ForewarnApp app) throws Exception {
		return JSON.readTree(app.get("/api/rules").body());
	}
}
