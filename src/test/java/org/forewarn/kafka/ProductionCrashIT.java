package org.forewarn.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.forewarn.ForewarnProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar in the production profile (PostgreSQL, Kafka, clustered Quartz) as a child process, killed with
 * {@code kill -9} twice while the events are produced to the topic. The outreach in the end is what an uninterrupted
 * run decides on the same events, except sends cut off by a kill ({@code FAILED}, may have gone out); every event
 * is stored; no email arrives twice. Runs in {@code verify}, after the jar is packaged.
 */
class ProductionCrashIT {

	private static final int CUSTOMERS = 100;
	/** Between two records produced: the stream lasts through both kills and restarts. */
	private static final long PACE_MILLIS = 100;
	/** customer|order|problem|rule|channel of an outreach record. */
	private static final String KEY = "concat(customer_id, '|', coalesce(order_id, ''), '|', problem, '|', rule_name, "
			+ "'|', channel)";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static ProductionStack stack;

	@TempDir
	Path temp;

	private final List<ForewarnProcess> started = new ArrayList<>();

	@BeforeAll
	static void startStack() throws Exception {
		stack = ProductionStack.start();
	}

	@AfterAll
	static void stopStack() throws Exception {
		stack.close();
	}

	@AfterEach
	void killWhatIsLeft() throws InterruptedException {
		for (ForewarnProcess forewarn : started) {
			forewarn.kill();
		}
	}

	@Test
	void twoKillsMidStreamChangeNothingButTheSendsTheyCutOff() throws Exception {
		Path folder = ForewarnProcess.workingFolder(temp);
		List<CrashStory> stories = CrashStory.stories(CUSTOMERS, Instant.now().truncatedTo(ChronoUnit.SECONDS));
		int events = stories.stream().mapToInt(s -> s.events().size()).sum();

		// what an uninterrupted run decides
		JdbcClient baseDb = stack.database(stack.createDatabase("base"));
		ForewarnProcess base = start(folder, "base", "base.log");
		stories.forEach(story -> story.events().forEach(e -> stack.send("base.events", story.customerId(), e)));
		Map<String, String> uninterrupted = awaitSettled(baseDb, "base", events);
		base.stop();
		assertThat(uninterrupted.values()).contains("SENT", "OPEN");
		greenMail.purgeEmailFromAllMailboxes();

		// the same events while the instance is killed twice
		JdbcClient db = stack.database(stack.createDatabase("crash"));
		IntSupplier stored = () -> count(db, "select count(*) from event where type <> 'timer.fired'");
		ForewarnProcess first = start(folder, "crash", "crash1.log");
		Thread producer = new Thread(() -> {
			for (CrashStory story : stories) {
				for (String event : story.events()) {
					stack.send("crash.events", story.customerId(), event);
					pause(PACE_MILLIS);
				}
			}
		}, "crash-test-producer");
		producer.start();
		await(() -> stored.getAsInt() >= events / 5, "a fifth of the events stored");
		first.kill();
		int storedAtFirstKill = stored.getAsInt();
		ForewarnProcess second = start(folder, "crash", "crash2.log");
		int storedAtRestart = stored.getAsInt();
		await(() -> stored.getAsInt() >= Math.min(events, storedAtRestart + 40), "the restarted instance at work");
		second.kill();
		int storedAtSecondKill = stored.getAsInt();
		boolean producingAtSecondKill = producer.isAlive();
		ForewarnProcess third = start(folder, "crash", "crash3.log");
		producer.join();
		Map<String, String> afterCrashes = awaitSettled(db, "crash", events);
		third.stop();

		Set<String> interrupted = db.sql("select " + KEY + " from outreach where status = 'FAILED' and "
				+ "(provider_code = 'interrupted' or status_reason like '%may have gone out%')")
			.query(String.class).set();
		Map<String, String> compared = new HashMap<>(afterCrashes);
		Map<String, String> expected = new HashMap<>(uninterrupted);
		interrupted.forEach(key -> {
			compared.remove(key);
			expected.remove(key);
		});
		Set<String> storedIds = db.sql("select id from event where type <> 'timer.fired'").query(String.class).set();
		List<String> lost = stories.stream().flatMap(s -> s.eventIds().stream()).filter(id -> !storedIds.contains(id))
			.toList();
		Map<String, Long> received = received();
		long doubled = received.values().stream().filter(n -> n > 1).count();
		int sentEmails = count(db, "select count(*) from outreach where channel = 'email' and status = 'SENT'");
		System.out.printf("Production crash test (PostgreSQL, Kafka): %d events produced, kill -9 at %d and %d stored "
				+ "(still producing at the second: %s), lost %d; outreach uninterrupted %d, after the kills %d, "
				+ "interrupted %d, other differences %d; emails sent %d, received %d, received twice %d%n", events,
				storedAtFirstKill, storedAtSecondKill, producingAtSecondKill, lost.size(), uninterrupted.size(),
				afterCrashes.size(), interrupted.size(), difference(expected, compared).size(), sentEmails,
				received.values().stream().mapToLong(n -> n).sum(), doubled);

		assertThat(lost).as("events produced but not stored").isEmpty();
		assertThat(difference(expected, compared)).as("outreach differing from the uninterrupted run").isEmpty();
		assertThat(doubled).as("emails received twice").isZero();
		assertThat(received.values().stream().mapToLong(n -> n).sum()).isBetween((long) sentEmails,
				(long) sentEmails + interrupted.size());
	}

	private static Set<String> difference(Map<String, String> expected, Map<String, String> actual) {
		Set<String> keys = new TreeSet<>(expected.keySet());
		keys.addAll(actual.keySet());
		return keys.stream().filter(k -> !Objects.equals(expected.get(k), actual.get(k)))
			.map(k -> k + ": " + expected.get(k) + " -> " + actual.get(k))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private ForewarnProcess start(Path folder, String name, String log) throws Exception {
		ForewarnProcess forewarn = ForewarnProcess.start(folder, log, List.of("--spring.profiles.active=production",
				"--spring.datasource.url=" + stack.jdbcUrl(name), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.kafka.bootstrap-servers=" + stack.brokers(),
				"--spring.kafka.consumer.group-id=" + name, "--spring.kafka.listener.concurrency=2",
				// a killed consumer's partitions go to the restarted one after this, not after the default 45 s
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
				"--forewarn.kafka.topics=" + name + ".events", "--forewarn.kafka.dead-letter-topic=" + name + ".DLT",
				"--forewarn.kafka.partitions=4", "--forewarn.kafka.retry.initial-interval=200ms",
				"--forewarn.kafka.retry.max-interval=1s", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(), "--forewarn.lanes=4",
				"--forewarn.guardrails.quiet-hours.enabled=false", "--forewarn.rules-watch.enabled=false",
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000"));
		started.add(forewarn);
		return forewarn;
	}

	/**
	 * Waits until every event is stored and consumed, no wakeup is due or firing, no send is due, and the outreach
	 * stayed the same for a second; returns it as customer|order|problem|rule|channel to status.
	 */
	private static Map<String, String> awaitSettled(JdbcClient db, String name, int events) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		Map<String, String> previous = null;
		while (System.nanoTime() < deadline) {
			boolean idle = count(db, "select count(*) from event where type <> 'timer.fired'") == events
					// due, being handed over or waiting for a retry
					&& db.sql("select count(*) from wakeup where due_at <= ?")
						.param(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)).query(Integer.class).single() == 0
					&& db.sql("select count(*) from outreach where status = 'SCHEDULED' and send_at <= now()")
						.query(Integer.class).single() == 0
					&& stack.lag(name + ".events", name) == 0;
			Map<String, String> current = idle ? outreach(db) : null;
			if (current != null && current.equals(previous)) {
				return current;
			}
			previous = current;
			Thread.sleep(1000);
		}
		return fail("not settled after 90 s; outreach: " + outreach(db));
	}

	private static Map<String, String> outreach(JdbcClient db) {
		Map<String, String> outreach = new HashMap<>();
		db.sql("select " + KEY + ", status from outreach")
			.query((rs, row) -> outreach.put(rs.getString(1), rs.getString(2)))
			.list();
		return outreach;
	}

	/** Emails received, per recipient and subject. */
	private static Map<String, Long> received() throws Exception {
		Map<String, Long> counts = new HashMap<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
			counts.merge(to + "|" + message.getSubject(), 1L, Long::sum);
		}
		return counts;
	}

	private static void await(BooleanSupplier condition, String what) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("not within 90 s: " + what);
			}
			Thread.sleep(50);
		}
	}

	private static int count(JdbcClient db, String sql) {
		return db.sql(sql).query(Integer.class).single();
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
