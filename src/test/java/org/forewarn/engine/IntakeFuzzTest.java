package org.forewarn.engine;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.engine.LiveEvents.json;

/**
 * Thousands of mutated events over HTTP, from a fixed seed: none gets a 5xx or FAILED, every rejection names its
 * field, every customer they touched still processes a valid event afterwards, and nothing is logged at ERROR.
 */
class IntakeFuzzTest {

	private static final long SEED = 20261202L;
	private static final int EVENTS = 3_000;
	private static final int BATCH = 100;
	private static final Pattern NAMES_A_FIELD = Pattern.compile(
			"^(event|id|type|time|customerId|orderId|data(\\.[A-Za-z]+)*): .+", Pattern.DOTALL);

	@TempDir
	static Path data;

	static ForewarnApp app;
	static ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeAll
	static void start() {
		app = ForewarnApp.start(data);
		log.start();
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
	}

	@AfterAll
	static void stop() {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
		app.close();
	}

	@Test
	void mutatedEventsAreAcceptedOrRejectedByFieldAndStopNoCustomer() throws Exception {
		Random random = new Random(SEED);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		EventMutations mutations = new EventMutations(random, now);
		Set<String> customers = new LinkedHashSet<>();
		Map<String, Integer> answers = new TreeMap<>();
		Map<String, Integer> rejectedFields = new TreeMap<>();
		List<String> unnamed = new ArrayList<>();
		for (int sent = 0; sent < EVENTS; sent += BATCH) {
			List<String> batch = new ArrayList<>();
			for (int i = 0; i < BATCH; i++) {
				ObjectNode event = mutations.next(sent + i);
				if (event.path("customerId").isString()) {
					customers.add(event.get("customerId").asString());
				}
				batch.add(event.toString());
			}
			HttpResponse<String> response = app.post("/api/events", "[" + String.join(",", batch) + "]");
			assertThat(response.statusCode()).as("HTTP status of batch %d", sent / BATCH).isLessThan(500);
			for (JsonNode result : json(response.body()).get("results")) {
				String status = result.get("status").asString();
				answers.merge(status, 1, Integer::sum);
				if (status.equals("REJECTED")) {
					String reason = result.get("reason").asString();
					if (NAMES_A_FIELD.matcher(reason).matches()) {
						rejectedFields.merge(reason.substring(0, reason.indexOf(':')), 1, Integer::sum);
					}
					else {
						unnamed.add(reason);
					}
				}
			}
		}
		int stuck = 0;
		for (String customer : customers) {
			if (customer.length() > 128 || customer.isBlank() || customer.chars().anyMatch(Character::isISOControl)) {
				continue;
			}
			ObjectNode valid = mutations.valid("account.activity", customer, "after-fuzz-" + customer.hashCode());
			JsonNode answer = json(app.post("/api/events", "[" + valid + "]").body()).get("results").get(0);
			stuck += answer.get("status").asString().equals("ACCEPTED") ? 0 : 1;
		}
		List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
			.toList();
		System.out.printf("Fuzz: %d events, answers %s, rejected by field %s, %d customers checked afterwards, "
				+ "%d stuck, %d errors logged%n", EVENTS, answers, rejectedFields, customers.size(), stuck,
				errors.size());

		assertThat(answers).doesNotContainKey("FAILED");
		assertThat(answers.get("ACCEPTED")).isGreaterThan(EVENTS / 10);
		assertThat(answers.get("REJECTED")).isGreaterThan(EVENTS / 3);
		assertThat(unnamed).isEmpty();
		assertThat(stuck).isZero();
		assertThat(errors).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
	}

	@Test
	void aHugeFieldIsRejectedAndTheCustomerGoesOn() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		EventMutations mutations = new EventMutations(new Random(SEED), now);
		ObjectNode huge = mutations.valid("account.activity", "fuzz-big", "fuzz-big-1");
		((ObjectNode) huge.get("data")).put("metric", "m".repeat(60_000));

		JsonNode rejected = json(app.post("/api/events", huge.toString()).body()).get("results").get(0);
		JsonNode next = json(app.post("/api/events",
				mutations.valid("account.activity", "fuzz-big", "fuzz-big-2").toString()).body()).get("results").get(0);

		assertThat(rejected.get("reason").asString()).startsWith("data.metric: 60000 characters");
		assertThat(next.get("status").asString()).isEqualTo("ACCEPTED");
	}
}
