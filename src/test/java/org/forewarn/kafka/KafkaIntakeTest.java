package org.forewarn.kafka;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.forewarn.Credentials;
import org.forewarn.HttpCaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** One Forewarn in the production profile on a real Kafka broker and a real PostgreSQL, mail to GreenMail. */
class KafkaIntakeTest {

	private static final String TOPIC = "intake.events";
	private static final String DLT = TOPIC + ".DLT";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static ProductionStack stack;
	static ConfigurableApplicationContext forewarn;
	static JdbcClient db;

	@BeforeAll
	static void start() throws Exception {
		stack = ProductionStack.start();
		String database = stack.createDatabase("intake");
		db = stack.database(database);
		forewarn = stack.startForewarn(database, TOPIC, "intake", greenMail.getSmtp().getPort(),
				// fail fast while the database is away, so the transient-failure test sees retries
				"--spring.datasource.hikari.connection-timeout=1000");
		ProductionStack.awaitAssigned(List.of(forewarn), 4);
	}

	@AfterAll
	static void stop() throws Exception {
		if (forewarn != null) {
			forewarn.close();
		}
		stack.close();
	}

	@Test
	void eventsFromTheTopicBecomeOutreachInPostgresAndEmail() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		stack.send(TOPIC, "k1", TestEvents.customer("k1", now.minus(Duration.ofDays(4))));
		stack.send(TOPIC, "k1", TestEvents.orderPlaced("k1", "k1-o", now.minus(Duration.ofDays(3)),
				now.minus(Duration.ofDays(2))));

		Map<String, Object> outreach = awaitRow("select problem, channel, status, status_reason from outreach "
				+ "where customer_id = 'k1' and status = 'SENT'");

		assertThat(outreach).containsEntry("problem", "order.not_shipped").containsEntry("channel", "email");
		assertThat((String) outreach.get("status_reason")).contains("127.0.0.1");
		MimeMessage mail = await(() -> List.of(greenMail.getReceivedMessagesForDomain("k1@customers.example")),
				m -> !m.isEmpty()).get(0);
		assertThat(mail.getSubject()).contains("k1-o");
		assertThat(db.sql("select id from event where customer_id = 'k1' and type <> 'timer.fired' order by id")
			.query(String.class).list()).containsExactly("k1-o-placed", "k1-profile");
	}

	@Test
	void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheirNeighboursAreProcessed() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// one key: all on one partition, so the good records after the bad ones prove the partition keeps flowing
		stack.send(TOPIC, "k2", TestEvents.customer("k2", now.minus(Duration.ofDays(4))));
		stack.send(TOPIC, "k2", "{\"id\": \"broken\", \"type\": ");
		stack.send(TOPIC, "k2", "{\"id\":\"k2-no-time\",\"type\":\"order.paid\",\"customerId\":\"k2\","
				+ "\"orderId\":\"k2-o\"}");
		stack.send(TOPIC, "k2", "{\"id\":\"k2-fake-timer\",\"type\":\"timer.fired\",\"time\":\"" + now
				+ "\",\"customerId\":\"k2\",\"data\":{\"label\":\"send\"}}");
		stack.send(TOPIC, "someone-else", TestEvents.orderEvent("k2", "k2-o", "order.paid", now, "{}"));
		stack.send(TOPIC, "k2", TestEvents.orderPlaced("k2", "k2-o", now.minus(Duration.ofDays(3)),
				now.minus(Duration.ofDays(2))));

		awaitRow("select id from outreach where customer_id = 'k2' and status = 'SENT'");
		List<ConsumerRecord<String, String>> dead = await(() -> stack.readAll(DLT).stream()
			.filter(r -> r.value() != null && (r.value().contains("k2") || r.value().contains("broken")))
			.toList(), d -> d.size() >= 4);

		// the dead-letter topic has its own partitions: order across them is not kept
		assertThat(dead).hasSize(4).extracting(KafkaIntakeTest::reason)
			.anySatisfy(r -> assertThat(r).startsWith("event: not valid JSON"))
			.contains("time: required")
			.anySatisfy(r -> assertThat(r).startsWith("forewarn-timer-signature header: missing"))
			.anySatisfy(r -> assertThat(r).startsWith("key: must be the event's customerId 'k2', got 'someone-else'"));
		assertThat(dead).filteredOn(r -> reason(r).startsWith("event: not valid JSON"))
			.extracting(ConsumerRecord::value).containsExactly("{\"id\": \"broken\", \"type\": ");
		assertThat(db.sql("select id from event where customer_id = 'k2' and type <> 'timer.fired' order by id")
			.query(String.class).list())
			.containsExactly("k2-o-placed", "k2-profile");
	}

	@Test
	void aTransientDatabaseFailureIsRetriedNotDeadLettered() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		stack.send(TOPIC, "k3", TestEvents.customer("k3", now.minus(Duration.ofDays(4))));
		awaitRow("select customer_id from customer_state where customer_id = 'k3'");

		JdbcClient admin = JdbcClient.create(stack.dataSource("postgres"));
		admin.sql("alter database intake allow_connections false").update();
		admin.sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'intake'")
			.query(Boolean.class).list();
		stack.send(TOPIC, "k3", TestEvents.orderPlaced("k3", "k3-o", now.minus(Duration.ofDays(3)),
				now.minus(Duration.ofDays(2))));
		Thread.sleep(3000); // several attempts fail meanwhile
		admin.sql("alter database intake allow_connections true").update();

		awaitRow("select id from outreach where customer_id = 'k3' and status = 'SENT'");
		assertThat(stack.readAll(DLT)).noneMatch(r -> "k3".equals(r.key()));
	}

	@Test
	void aDueTimerGoesThroughTheTopicToTheCustomersLane() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// the handoff check is due a day after shipBy: here 3 seconds from now
		Instant due = now.plusSeconds(3);
		stack.send(TOPIC, "k4", TestEvents.customer("k4", now));
		stack.send(TOPIC, "k4", TestEvents.orderPlaced("k4", "k4-o", now, due.minus(Duration.ofDays(1))));

		// the record is stored before its send goes out: wait for it to leave SCHEDULED
		Map<String, Object> outreach = awaitRow(
				"select decided_at, status from outreach where customer_id = 'k4' and status <> 'SCHEDULED'");

		assertThat(outreach.get("status")).isEqualTo("SENT");
		// the handoff check; the send it decided has its own wakeup, due at once
		List<ConsumerRecord<String, String>> timers = stack.readAll(TOPIC).stream()
			.filter(r -> "k4".equals(r.key()) && r.value().contains("timer.fired")
					&& r.value().contains("handoff deadline"))
			.toList();
		assertThat(timers).hasSize(1);
		assertThat(new String(timers.get(0).headers().lastHeader("forewarn-origin").value(), StandardCharsets.UTF_8))
			.isEqualTo("timer");
		assertThat(timers.get(0).headers().lastHeader("forewarn-timer-signature")).isNotNull();
		assertThat(db.sql("select event_time from event where customer_id = 'k4' and type = 'timer.fired' "
				+ "and payload like '%handoff deadline%'")
			.query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(due);
	}

	@Test
	void eventsPostedOverHttpAreQueuedOnTheTopicForTheirCustomersInstance() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		int port = ((WebServerApplicationContext) forewarn).getWebServer().getPort();
		String body = "[" + TestEvents.customer("k5", now.minus(Duration.ofDays(4))) + ","
				+ TestEvents.orderPlaced("k5", "k5-o", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)))
				+ ",{\"id\":\"k5-bad\",\"type\":\"order.paid\",\"customerId\":\"k5\"}]";

		HttpResponse<String> response = new HttpCaller(path -> URI.create("http://localhost:" + port + path),
				Credentials.ADMIN).post("/api/events", body);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"accepted\":2", "\"rejected\":1", "time: required");
		awaitRow("select id from outreach where customer_id = 'k5' and status = 'SENT'");
		assertThat(stack.readAll(TOPIC)).filteredOn(r -> "k5".equals(r.key()) && !r.value().contains("timer.fired"))
			.extracting(ConsumerRecord::value)
			.allSatisfy(value -> assertThat(value).contains("\"customerId\":\"k5\""))
			.hasSize(2);
	}

	private static String reason(ConsumerRecord<String, String> record) {
		return new String(record.headers().lastHeader("forewarn-rejection-reason").value(), StandardCharsets.UTF_8);
	}

	private static Map<String, Object> awaitRow(String sql) throws InterruptedException {
		return await(() -> db.sql(sql).query().listOfRows(), rows -> !rows.isEmpty()).get(0);
	}

	static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		T value = probe.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				return fail("still not there after 30 s: " + value);
			}
			Thread.sleep(200);
			value = probe.get();
		}
		return value;
	}
}
