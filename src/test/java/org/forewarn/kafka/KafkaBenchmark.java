package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forewarn.bench.BenchTable;
import org.forewarn.engine.IntakeResult;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Sustained events per second through Kafka and PostgreSQL with the default rules, and the delay from an event's
 * produce time to its message being accepted by the provider, with the floors they must reach. Not part of the test
 * run: {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forewarn.kafka.KafkaBenchmark}
 * (add {@code -Dexec.args="--key=value ..."} to try other settings)
 *
 * <p>One Forewarn in the production profile (its default consumers, partitions and ack mode) on an in-process Kafka
 * broker, an embedded PostgreSQL 18, a GreenMail SMTP server and a Twilio stub that answers each SMS after
 * {@value #TWILIO_MS} ms, all on this machine ({@link BenchProviders}: the default rules, except that a hard payment
 * decline is texted, so that SMS are part of the mix). The events are {@link Scenario}'s; their
 * wakeups fire from the wakeup table and come back through the topic, and count as events. Throughput: a backlog
 * of events is produced, timed from its first record produced to the last event processed. Delay: events are
 * produced at half that rate; an event's delay runs from just before it is produced until its poll share has been
 * processed (outreach committed, the SMS accepted by the stub, the email by SMTP), measured for the events that
 * decide outreach at once (payment declines, cancellation requests: a follow-up task).
 */
public final class KafkaBenchmark {

	private static final int ROUNDS = 3;
	private static final int BACKLOG_CUSTOMERS = 1200;
	private static final Duration PACED = Duration.ofSeconds(20);
	static final int TWILIO_MS = 100;
	static final double THROUGHPUT_FLOOR = 2_000;
	static final double P99_FLOOR_MS = 250;

	private final List<String> table = new ArrayList<>();

	private final Map<String, Long> handledAt = new ConcurrentHashMap<>();
	private final AtomicLong handled = new AtomicLong();
	private final AtomicLong lastHandled = new AtomicLong(Long.MIN_VALUE);
	private final Queue<String> duplicates = new ConcurrentLinkedQueue<>();

	/** Arguments ({@code --key=value}) are passed on to Forewarn, e.g. to compare ack modes. */
	public static void main(String[] args) throws Exception {
		new KafkaBenchmark().run(args);
		System.exit(0);
	}

	private void run(String[] settings) throws Exception {
		try (BenchProviders providers = new BenchProviders(TWILIO_MS);
				ProductionStack stack = ProductionStack.start()) {
			String database = stack.createDatabase("bench");
			// as config/application-production.yml sets them (the test defaults are smaller)
			List<String> args = new ArrayList<>(List.of("--spring.kafka.listener.concurrency=2", "--forewarn.lanes=8",
					"--spring.datasource.hikari.maximum-pool-size=16", "--forewarn.kafka.partitions=12",
					"--logging.level.root=WARN"));
			args.addAll(providers.settings());
			args.addAll(List.of(settings));
			ConfigurableApplicationContext forewarn = stack.startForewarn(database, "bench.events", "bench",
					providers.smtpPort(), args.toArray(String[]::new));
			ProductionStack.awaitAssigned(List.of(forewarn), 12);
			forewarn.addApplicationListener(event -> {
				if (event instanceof PayloadApplicationEvent<?> payload
						&& payload.getPayload() instanceof EventRecordHandled record) {
					long now = System.nanoTime();
					// a share that failed after its commit is processed again one event at a time: duplicates then
					handledAt.putIfAbsent(record.eventId(), now);
					if (record.status() == IntakeResult.Status.ACCEPTED) {
						handled.incrementAndGet();
						lastHandled.accumulateAndGet(now, Math::max);
					}
					else {
						duplicates.add(record.eventId());
					}
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
				row(String.format("Kafka + PostgreSQL sustained, events/s (median of %d)", ROUNDS),
						String.format("%,.0f", median), String.format("%,.0f", THROUGHPUT_FLOOR),
						median >= THROUGHPUT_FLOOR ? "ok" : "BELOW");
				settle();
				paced(producer, median / 2);
			}
			forewarn.close();
			row("outreach by channel and status", stack.database(database)
				.sql("select channel || ' ' || status || ' ' || count(*) from outreach group by channel, status "
						+ "order by 1")
				.query(String.class)
				.list()
				.toString(), "-", "");
			row("records handled as duplicates (read again), e.g. " + duplicates.stream().limit(3).toList(),
					String.valueOf(duplicates.size()), "-", "");
			row("SMS the Twilio stub accepted / emails SMTP received",
					providers.smsAccepted() + " / " + providers.emailsReceived(), "-", "");
			BenchTable.print("kafka.txt", table);
		}
	}

	private void row(String what, String measured, String floor, String verdict) {
		table.add(String.format("%-58s %14s %12s %s", what, measured, floor, verdict));
	}

	/**
	 * Produces a backlog and answers the events (and the wakeups they bring) processed per second: from the first
	 * record produced until the last event handled, once every produced event is and nothing more came for a while.
	 */
	private double backlog(KafkaProducer<String, String> producer, String prefix, int customers)
			throws InterruptedException {
		List<Scenario.Customer> batch = Scenario.recentCustomers(prefix, customers, Instant.now());
		List<String> ids = batch.stream()
			.flatMap(c -> c.events().stream())
			.map(KafkaBenchmark::id)
			.toList();
		long before = handled.get();
		long start = System.nanoTime();
		for (Scenario.Customer customer : batch) {
			customer.events().forEach(e -> producer.send(new ProducerRecord<>("bench.events", customer.id(), e)));
		}
		producer.flush();
		// a cursor, not a pass over all ids each time: the bench must not take the cores it measures
		int waitingFor = 0;
		while (waitingFor < ids.size()) {
			if (handledAt.containsKey(ids.get(waitingFor))) {
				waitingFor++;
				continue;
			}
			if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
				throw new IllegalStateException("backlog not processed in 5 minutes: "
						+ ids.stream().filter(handledAt::containsKey).count() + " of " + ids.size() + " events");
			}
			Thread.sleep(5);
		}
		settle(); // their wakeups, through the topic
		// from the first produce: a poll's records are reported handled together, after the whole poll
		return (handled.get() - before) / ((lastHandled.get() - start) / 1e9);
	}

	private static String id(String event) {
		return event.substring(7, event.indexOf('"', 7));
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

	/** Produces at the given rate and reports the delays of events that decide outreach at once, by channel. */
	private void paced(KafkaProducer<String, String> producer, double perSecond) throws InterruptedException {
		List<Scenario.Customer> customers = Scenario.recentCustomers("p-",
				(int) (perSecond * PACED.toSeconds() / 3.25), Instant.now());
		Map<String, Long> producedAt = new ConcurrentHashMap<>();
		Map<String, String> channelOf = new HashMap<>();
		long intervalNanos = (long) (1e9 / perSecond);
		long next = System.nanoTime();
		for (Scenario.Customer customer : customers) {
			for (String event : customer.events()) {
				LockSupport.parkNanos(next - System.nanoTime());
				String id = id(event);
				producedAt.put(id, System.nanoTime());
				producer.send(new ProducerRecord<>("bench.events", customer.id(), event));
				next += intervalNanos;
				if (id.endsWith("-order.payment_failed")) {
					channelOf.put(id, customer.textable() ? "SMS (Twilio stub)" : "email (SMTP)");
				}
				else if (id.endsWith("-cancel")) {
					channelOf.put(id, "follow-up task");
				}
			}
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!channelOf.keySet().stream().allMatch(handledAt::containsKey) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		Map<String, List<Double>> delays = new TreeMap<>();
		channelOf.forEach((id, channel) -> {
			Long done = handledAt.get(id);
			if (done != null) {
				double ms = (done - producedAt.get(id)) / 1e6;
				delays.computeIfAbsent("all", c -> new ArrayList<>()).add(ms);
				delays.computeIfAbsent(channel, c -> new ArrayList<>()).add(ms);
			}
		});
		delays.values().forEach(Collections::sort);
		List<Double> all = delays.getOrDefault("all", List.of());
		System.out.printf("paced at %.0f events/s for %d s: %d events deciding outreach at once, %d measured%n",
				perSecond, PACED.toSeconds(), channelOf.size(), all.size());
		double p99 = all.size() < channelOf.size() ? Double.POSITIVE_INFINITY : percentile(all, 99);
		row(String.format("produce -> sent or task stored, at %.0f events/s, p50 / p99", perSecond),
				String.format("%.0f / %.0f ms", all.isEmpty() ? Double.NaN : percentile(all, 50), p99),
				String.format("%.0f ms", P99_FLOOR_MS), p99 <= P99_FLOOR_MS ? "ok" : "ABOVE");
		delays.forEach((channel, list) -> {
			if (!channel.equals("all")) {
				row(String.format("  %s, %d events, p50 / p99", channel, list.size()),
						String.format("%.0f / %.0f ms", percentile(list, 50), percentile(list, 99)), "-", "");
			}
		});
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
