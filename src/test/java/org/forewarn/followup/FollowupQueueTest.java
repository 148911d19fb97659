package org.forewarn.followup;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.forewarn.ForewarnApp;
import org.forewarn.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/followups} pages the queue in the database, most urgent first (escalated, then due time, then
 * deadline, then the oldest), with its filters, exactly as sorting every task would; on H2 and on PostgreSQL.
 */
class FollowupQueueTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	/** A task as seeded: what the order and the filters look at. */
	private record Task(String id, String status, String problem, String rule, Instant decided, Instant due,
			Instant deadline, String reason, boolean escalated) {
	}

	@Test
	void pagesTheQueueMostUrgentFirstWithItsFilters() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			pagesTheQueue(app);
		}
	}

	@Test
	void pagesTheQueueTheSameOnPostgresql() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(); OnPostgres app = OnPostgres.start(postgres)) {
			pagesTheQueue(app);
		}
	}

	private static void pagesTheQueue(TestServer app) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Task> tasks = seed(app.bean(DataSource.class), now);
		Comparator<Task> urgency = Comparator.comparing((Task t) -> !t.escalated())
			.thenComparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Task::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Task::decided)
			.thenComparing(Task::id);
		List<String> active = tasks.stream().filter(t -> t.status().equals("OPEN") || t.status().equals("CLAIMED"))
			.sorted(urgency).map(Task::id).toList();

		assertThat(all(app, "/api/followups?size=7")).isEqualTo(active);
		assertThat(all(app, "/api/followups?status=ALL&size=11"))
			.isEqualTo(tasks.stream().sorted(urgency).map(Task::id).toList());
		assertThat(all(app, "/api/followups?problem=churn.risk&age=2d&size=5")).isEqualTo(tasks.stream()
			.filter(t -> active.contains(t.id()) && t.problem().equals("churn.risk")
					&& t.decided().isBefore(now.minus(Duration.ofDays(2))))
			.sorted(urgency).map(Task::id).toList());
		assertThat(all(app, "/api/followups?rule=rule-2&size=4")).isEqualTo(tasks.stream()
			.filter(t -> active.contains(t.id()) && t.rule().equals("rule-2")).sorted(urgency).map(Task::id)
			.toList());
		assertThat(all(app, "/api/followups?assignee=lea_m&size=3")).as("the name matched as it is, not as a pattern")
			.isEqualTo(tasks.stream()
				.filter(t -> t.status().equals("CLAIMED") && t.reason().matches("claimed by lea_m(: .*)?"))
				.sorted(urgency).map(Task::id).toList())
			.isNotEmpty();

		JsonNode first = JSON.readTree(app.get("/api/followups?size=3").body());
		assertThat(first.get(0).get("escalated").asBoolean()).isTrue();
		assertThat(app.get("/api/followups").headers().firstValue("Link")).as("all fit the default page").isEmpty();
		assertThat(app.get("/api/followups?size=0").statusCode()).isEqualTo(400);
		assertThat(app.get("/api/followups?size=1001").body()).contains("size");
		assertThat(app.get("/api/followups?page=-1").statusCode()).isEqualTo(400);
		assertThat(app.get("/api/followups?age=soon").body()).contains("age: 'soon' is not an age");
		assertThat(app.get("/api/followups?status=LATER").statusCode()).isEqualTo(400);
	}

	/** Forewarn on the production profile against an embedded PostgreSQL, with HTTP intake instead of Kafka. */
	private static final class OnPostgres extends TestServer {

		private OnPostgres(ConfigurableApplicationContext context) {
			super(context);
		}

		static OnPostgres start(EmbeddedPostgres postgres) {
			return new OnPostgres(run(List.of(), List.of("--spring.profiles.active=production",
					"--forewarn.kafka.enabled=false", "--server.port=0", "--forewarn.rules-watch.enabled=false",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--forewarn.rules=rules", "--forewarn.channels.templates=config/templates",
					"--forewarn.guardrails.quiet-hours.enabled=false",
					"--spring.quartz.properties.org.quartz.scheduler.instanceName=followup-postgres",
					"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000")));
		}
	}

	/** Every page in turn, following the Link header; the ids in the order given. */
	private static List<String> all(TestServer app, String first) throws Exception {
		List<String> ids = new ArrayList<>();
		String next = first;
		while (next != null) {
			HttpResponse<String> page = app.get(next);
			assertThat(page.statusCode()).as(next + ": " + page.body()).isEqualTo(200);
			JSON.readTree(page.body()).forEach(f -> ids.add(f.get("task").get("id").asString()));
			next = page.headers().firstValue("Link")
				.map(link -> link.substring(link.indexOf("/api/"), link.indexOf('>')))
				.orElse(null);
		}
		return ids;
	}

	/** Tasks in every state the queue sorts by, with ties on due time and deadline. */
	private static List<Task> seed(DataSource dataSource, Instant now) throws Exception {
		Random random = new Random(7);
		String[] statuses = { "OPEN", "OPEN", "OPEN", "CLAIMED", "CLAIMED", "RESOLVED", "DISMISSED" };
		String[] problems = { "churn.risk", "shipment.exception", "payment.failed" };
		String[] claimers = { "lea", "lea_m", "leaxm", "max" };
		List<Task> tasks = new ArrayList<>();
		try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement(
				"insert into outreach (id, dedupe_key, customer_id, rule_name, rule_version, problem, channel, "
						+ "template, decided_at, send_at, status, status_reason, updated_at, due_at, not_later_than) "
						+ "values (?, ?, ?, ?, 'v1', ?, 'task', 'followup', ?, ?, ?, ?, ?, ?, ?)")) {
			for (int i = 0; i < 90; i++) {
				String status = statuses[random.nextInt(statuses.length)];
				Instant decided = now.minus(Duration.ofMinutes(random.nextInt(120) * 60 + 30));
				// due times and deadlines on a coarse grid, so that ties are common; some have none. None is due within
				// half an hour of now, so the server's clock, read a little later, sees the same escalated tasks
				Instant due = random.nextInt(5) == 0 ? null
						: now.plus(Duration.ofMinutes(random.nextInt(9) * 360 - 1470));
				Instant deadline = random.nextInt(3) == 0 ? null : now.plus(Duration.ofDays(random.nextInt(3)));
				String reason = !status.equals("CLAIMED") ? null
						: "claimed by " + claimers[random.nextInt(claimers.length)] + (random.nextBoolean() ? ": on it" : "");
				String id = String.format("task-%03d", i);
				Task task = new Task(id, status, problems[i % problems.length], "rule-" + (i % 4), decided, due,
						deadline, reason, status.equals("OPEN") && due != null && due.isBefore(now));
				tasks.add(task);
				insert.setString(1, id);
				insert.setString(2, "queue|" + i);
				insert.setString(3, "c-" + i);
				insert.setString(4, task.rule());
				insert.setString(5, task.problem());
				insert.setTimestamp(6, Timestamp.from(decided));
				insert.setTimestamp(7, Timestamp.from(decided));
				insert.setString(8, status);
				insert.setString(9, reason);
				insert.setTimestamp(10, Timestamp.from(decided));
				insert.setTimestamp(11, due == null ? null : Timestamp.from(due));
				insert.setTimestamp(12, deadline == null ? null : Timestamp.from(deadline));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		return tasks;
	}
}
