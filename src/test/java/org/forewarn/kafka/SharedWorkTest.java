package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two instances in one consumer group share the customers; when one stops mid-stream the other takes its customers
 * over and the outreach ends up exactly as a single instance decides it: nothing lost, nothing sent twice.
 */
class SharedWorkTest {

	private static final int CUSTOMERS = 40;

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static ProductionStack stack;

	@BeforeAll
	static void start() throws Exception {
		stack = ProductionStack.start();
	}

	@AfterAll
	static void stop() throws Exception {
		stack.close();
	}

	@Test
	void twoInstancesSplitTheCustomersAndOneTakesOverWhenTheOtherStops() throws Exception {
		// recent enough that their outreach goes out (not stale): emails are really sent, so sending twice would show
		List<Scenario.Customer> customers = Scenario.recentCustomers("c", CUSTOMERS, Instant.now());
		int events = Scenario.eventCount(customers);

		// what a single instance decides for these events
		Set<String> single;
		String singleDb = stack.createDatabase("single");
		try (ConfigurableApplicationContext alone = start(singleDb, "single")) {
			ProductionStack.awaitAssigned(List.of(alone), 4);
			customers.forEach(c -> produce("single.events", c));
			single = awaitSettled(stack.database(singleDb), "single", events);
		}
		assertThat(single).anyMatch(o -> o.contains("|order.not_shipped|"))
			.anyMatch(o -> o.contains("|payment.failed|")).anyMatch(o -> o.contains("|churn.risk|"));
		assertThat(sentEmails(stack.database(singleDb))).as("emails sent").isGreaterThanOrEqualTo(CUSTOMERS / 4);
		assertThat(greenMail.getReceivedMessages()).hasSize(sentEmails(stack.database(singleDb)));
		greenMail.purgeEmailFromAllMailboxes();

		String pairDb = stack.createDatabase("pair");
		JdbcClient db = stack.database(pairDb);
		HandledRecords handled = new HandledRecords();
		ConfigurableApplicationContext a = start(pairDb, "pair");
		ConfigurableApplicationContext b = start(pairDb, "pair");
		try {
			handled.listenTo("a", a);
			handled.listenTo("b", b);
			ProductionStack.awaitAssigned(List.of(a, b), 4);
			assertThat(ProductionStack.assigned(a)).isNotEmpty()
				.doesNotContainAnyElementsOf(ProductionStack.assigned(b));
			// one Quartz cluster in PostgreSQL: both instances check in under the same scheduler name
			assertThat(db.sql("select sched_name from qrtz_scheduler_state").query(String.class).list())
				.containsExactly("forewarn", "forewarn");

			// first half with both running: each customer is handled by exactly one of them
			List<Scenario.Customer> first = customers.subList(0, CUSTOMERS / 2);
			first.forEach(c -> produce("pair.events", c));
			awaitTrue(() -> count(db, "select count(*) from event where type <> 'timer.fired'")
					== Scenario.eventCount(first), "first half stored");
			// a record is told handled once its share's sends are done too, a moment after its events are stored
			awaitTrue(() -> handled.instancesByCustomer().size() == first.size(), "first half handled");
			Map<String, Set<String>> byCustomer = handled.instancesByCustomer();
			assertThat(byCustomer.keySet()).hasSize(first.size());
			assertThat(byCustomer.values()).allSatisfy(instances -> assertThat(instances).hasSize(1));
			assertThat(byCustomer.values()).contains(Set.of("a"), Set.of("b"));

			// second half: b stops while the events stream in, a finishes
			List<Scenario.Customer> second = customers.subList(CUSTOMERS / 2, CUSTOMERS);
			long bBefore = handled.accepted("b");
			Thread producer = new Thread(() -> second.forEach(c -> {
				produce("pair.events", c);
				pause(40);
			}));
			producer.start();
			awaitTrue(() -> handled.accepted("b") >= bBefore + 3, "b working on the second half");
			Set<Integer> bPartitions = ProductionStack.assigned(b).stream()
				.map(TopicPartition::partition)
				.collect(Collectors.toSet());
			int handledBeforeStop = handled.all().size();
			b.close();
			producer.join();

			Set<String> pair = awaitSettled(db, "pair", events);
			assertThat(pair).isEqualTo(single);
			// a took b's partitions over
			assertThat(handled.all().subList(handledBeforeStop, handled.all().size()))
				.anyMatch(h -> h.instance().equals("a") && bPartitions.contains(h.record().partition()));
		}
		finally {
			a.close();
			b.close();
		}
		// no event acted on twice (a redelivery after the hand-over is a duplicate), no email sent twice
		Map<String, Long> acceptedPerEvent = handled.all().stream()
			.filter(h -> h.record().status() == org.forewarn.engine.IntakeResult.Status.ACCEPTED)
			.collect(Collectors.groupingBy(h -> h.record().eventId(), Collectors.counting()));
		assertThat(acceptedPerEvent.values()).containsOnly(1L);
		assertThat(greenMail.getReceivedMessages()).hasSize(sentEmails(db));
		// each message names its outreach in its Message-ID: no record's email arrived twice
		assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(SharedWorkTest::outreachOf).toList())
			.doesNotHaveDuplicates();
		assertThat(db.sql("select count(*) from rendered_message").query(Integer.class).single())
			.isEqualTo(count(db, "select count(*) from outreach where status in ('SENT', 'OPEN')"));
	}

	/** Quiet hours off: what is sent, and when a task opens, must not depend on the hour the test runs at. */
	private ConfigurableApplicationContext start(String database, String name) {
		return stack.startForewarn(database, name + ".events", name, greenMail.getSmtp().getPort(),
				"--forewarn.guardrails.quiet-hours.enabled=false");
	}

	private static String outreachOf(MimeMessage message) {
		try {
			String id = message.getMessageID();
			return id.substring(1, id.indexOf('.'));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void produce(String topic, Scenario.Customer customer) {
		customer.events().forEach(event -> stack.send(topic, customer.id(), event));
	}

	/**
	 * Waits until everything is done: every event stored, no wakeup due or firing, every record (timers included)
	 * consumed and committed, and the outreach unchanged for a second. Answers the outreach as
	 * customer|order|problem|rule|channel|status|decidedAt lines.
	 */
	private static Set<String> awaitSettled(JdbcClient db, String name, int events) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		Set<String> previous = null;
		while (true) {
			boolean idle = count(db, "select count(*) from event where type <> 'timer.fired'") == events
					// due, being handed over or waiting for a retry
					&& db.sql("select count(*) from wakeup where due_at <= ?")
						.param(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)).query(Integer.class).single() == 0
					&& stack.lag(name + ".events", name) == 0;
			Set<String> current = idle ? outreach(db) : null;
			if (current != null && current.equals(previous)) {
				return current;
			}
			if (System.nanoTime() > deadline) {
				return fail("not settled after 90 s; outreach: " + outreach(db));
			}
			previous = current;
			Thread.sleep(1000);
		}
	}

	private static Set<String> outreach(JdbcClient db) {
		return db.sql("select customer_id, order_id, problem, rule_name, channel, status, decided_at from outreach")
			.query((rs, row) -> String.join("|", rs.getString(1), String.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getObject(7, java.time.OffsetDateTime.class).toInstant().toString()))
			.set();
	}

	private static int sentEmails(JdbcClient db) {
		return count(db, "select count(*) from outreach where channel = 'email' and status = 'SENT'");
	}

	private static int count(JdbcClient db, String sql) {
		return db.sql(sql).query(Integer.class).single();
	}

	private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("not within 60 s: " + what);
			}
			Thread.sleep(100);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
