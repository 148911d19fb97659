package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forewarn.engine.IntakeResult;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Sustained events per second through Kafka and PostgreSQL with the default rules, and the delay from an event's
 * produce time to its outreach being stored. Not part of the test run:
 * {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forewarn.kafka.KafkaBenchmark}
 * (add {@code -Dexec.args="--key=value ..."} to try other settings)
 *
 * <p>One Forewarn in the production profile (its default consumers, partitions and ack mode) on an in-process Kafka
 * broker, an embedded PostgreSQL 18 and a GreenMail SMTP server, all on this machine. The events are
 * {@link Scenario}'s mix; their wakeups fire from the wakeup table and come back through the topic, and count as
 * events. Throughput: a backlog of events is produced, timed from its first record produced to the last event
 * processed. Delay: events are produced at half that rate; an event's delay runs from just before it is produced
 * until its poll has been processed (outreach committed, email handed to SMTP), measured for the events that decide
 * outreach at once (payment declines, cancellation requests).
 */
public final class KafkaBenchmark {

	private static final int ROUNDS = 3;
	private static final int BACKLOG_CUSTOMERS = 1200;
	private static final Duration PACED = Duration.ofSeconds(20);

	private final Map<String, Long> handledAt = new ConcurrentHashMap<>();
	private final AtomicLong handled = new AtomicLong();

	/** Arguments ({@code --key=value}) are passed on to Forewarn, e.g. to compare ack modes. */
	public static void main(String[] args) throws Exception {
		new KafkaBenchmark().run(args);
		System.exit(0);
	}

	private void run(String[] settings) throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try (ProductionStack stack = ProductionStack.start()) {
			String database = stack.createDatabase("bench");
			// as config/application-production.yml sets them (the test defaults are smaller)
			List<String> args = new ArrayList<>(List.of("--spring.kafka.listener.concurrency=2", "--forewarn.lanes=8",
					"--spring.datasource.hikari.maximum-pool-size=16", "--forewarn.kafka.partitions=12",
					"--logging.level.root=WARN"));
			args.addAll(List.of(settings));
			ConfigurableApplicationContext forewarn = stack.startForewarn(database, "bench.events", "bench",
					smtp.getSmtp().getPort(), args.toArray(String[]::new));
			ProductionStack.awaitAssigned(List.of(forewarn), 12);
			forewarn.addApplicationListener(event -> {
				if (event instanceof PayloadApplicationEvent<?> payload
						&& payload.getPayload() instanceof EventRecordHandled record
						&& record.status() == IntakeResult.Status.ACCEPTED) {
					handledAt.put(record.eventId(), System.nanoTime());
					handled.incrementAndGet();
				}
			});
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.brokers()), new StringSerializer(),
					new StringSerializer())) {
				backlog(producer, "warm", 300);
				List<Double> rates = new ArrayList<>();
				for (int round = 1; round <= ROUNDS; round++) {
					double rate = backlog(producer, "r" + round + "-", BACKLOG_CUSTOMERS);
					System.out.printf("throughput round %d: %.0f events/s%n", round, rate);
					rates.add(rate);
				}
				double median = median(rates);
				System.out.printf("throughput median of %d rounds: %.0f events/s%n", ROUNDS, median);
				settle();
				paced(producer, median / 2);
			}
			forewarn.close();
		}
		finally {
			smtp.stop();
		}
	}

	/** Produces a backlog and answers the events (and their wakeups) processed per second. */
	private double backlog(KafkaProducer<String, String> producer, String prefix, int customers)
			throws InterruptedException {
		List<Scenario.Customer> batch = Scenario.customers(prefix, customers, Instant.now());
		int events = Scenario.eventCount(batch);
		// each customer's order brings one overdue wakeup: timer.fired through the topic
		int expected = events + (int) batch.stream()
			.filter(c -> c.events().stream().anyMatch(e -> e.contains("\"order.placed\""))).count();
		long before = handled.get();
		long start = System.nanoTime();
		for (Scenario.Customer customer : batch) {
			customer.events().forEach(e -> producer.send(new ProducerRecord<>("bench.events", customer.id(), e)));
		}
		producer.flush();
		while (handled.get() - before < expected) {
			if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
				throw new IllegalStateException("backlog not processed in 5 minutes: "
						+ (handled.get() - before) + " of " + expected);
			}
			Thread.sleep(5);
		}
		// from the first produce: a poll's records are reported handled together, after the whole poll
		long elapsed = System.nanoTime() - start;
		return expected / (elapsed / 1e9);
	}

	/**
	 * Waits until nothing has been handled for a few seconds: work the backlog rounds left behind (wakeups that came
	 * due meanwhile) would otherwise count as delay of the first paced events.
	 */
	private void settle() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		long seen = -1;
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline && System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
			if (handled.get() != seen) {
				seen = handled.get();
				quietSince = System.nanoTime();
			}
			Thread.sleep(100);
		}
	}

	/** Produces at the given rate and prints the delays of events that decide outreach at once. */
	private void paced(KafkaProducer<String, String> producer, double perSecond) throws InterruptedException {
		List<Scenario.Customer> customers = Scenario.customers("p-", (int) (perSecond * PACED.toSeconds() / 3.25),
				Instant.now());
		Map<String, Long> producedAt = new ConcurrentHashMap<>();
		long intervalNanos = (long) (1e9 / perSecond);
		long next = System.nanoTime();
		for (Scenario.Customer customer : customers) {
			for (String event : customer.events()) {
				LockSupport.parkNanos(next - System.nanoTime());
				String id = event.substring(7, event.indexOf('"', 7));
				producedAt.put(id, System.nanoTime());
				producer.send(new ProducerRecord<>("bench.events", customer.id(), event));
				next += intervalNanos;
			}
		}
		List<String> decisive = producedAt.keySet().stream()
			.filter(id -> id.endsWith("-order.payment_failed") || id.endsWith("-cancel"))
			.toList();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!decisive.stream().allMatch(handledAt::containsKey) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		List<Double> delays = new ArrayList<>();
		for (String id : decisive) {
			Long done = handledAt.get(id);
			if (done != null) {
				delays.add((done - producedAt.get(id)) / 1e6);
			}
		}
		Collections.sort(delays);
		System.out.printf("paced at %.0f events/s for %d s: %d events deciding outreach at once, %d measured%n",
				perSecond, PACED.toSeconds(), decisive.size(), delays.size());
		System.out.printf("delay produce -> outreach stored: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				percentile(delays, 50), percentile(delays, 99), delays.get(delays.size() - 1));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}
}
