package org.forewarn.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forewarn.bench.BenchTable;
import org.forewarn.engine.IntakeResult;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sustained events per second through Kafka and PostgreSQL with the default rules, and the delay from an event's
 * produce time to its message being accepted by the provider, with the floors they must reach. Not part of the test
 * run: {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forewarn.kafka.KafkaBenchmark}
 * (add {@code -Dexec.args="--key=value ..."} to try other settings, {@code -Dbench.pg-statements=true} to have it
 * print the statements PostgreSQL spent most time on, {@code -Dbench.paced=90} to time the delay at a fixed pace and
 * {@code -Dbench.paced-mix=outreach-storm} to time it in a storm)
 *
 * <p>One Forewarn in the production profile (its default consumers, partitions and ack mode) on an in-process Kafka
 * broker, an embedded PostgreSQL 18, a GreenMail SMTP server and a Twilio stub that answers each SMS after
 * {@value #TWILIO_MS} ms, all on this machine ({@link BenchProviders}: the default rules, except that a hard payment
 * decline is texted, so that SMS are part of the mix). The events are {@link Scenario}'s; their wakeups fire from the
 * wakeup table and come back through the topic: their time counts, not their number. Throughput: a backlog of events
 * is produced, timed from its first record produced to the last record processed, in rounds after
 * {@value #WARM_UP_ROUNDS} rounds of both not counted (the JIT's warm-up), in a shop's mix (one customer in eight with
 * a problem, as many as get outreach in a shop's history) and in turns with it, in an outreach storm (three in four).
 * Delay: events in the shop's mix are
 * produced at half its rate; an event's delay runs from just before it is produced until the provider accepted its
 * message, by the provider's own log (the Twilio stub's answer, SMTP taking the email), or its follow-up task was
 * opened, measured for the events that decide outreach at once (payment declines, cancellation requests).
 */
public final class KafkaBenchmark {

	private static final int ROUNDS = 3;
	private static final int WARM_UP_ROUNDS = 2;
	private static final int STORM_CUSTOMERS = 1200;
	/** About 15,000 events: a round of a few seconds, as the storm's. */
	private static final int SHOP_CUSTOMERS = 4000;
	private static final Duration PACED = Duration.ofSeconds(20);
	static final int TWILIO_MS = 100;
	static final double THROUGHPUT_FLOOR = 2_000;
	static final double P99_FLOOR_MS = 250;
	private static final String SMS = "SMS (Twilio stub)";
	private static final String EMAIL = "email (SMTP)";
	private static final String TASK = "follow-up task";

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
					"--logging.level.root=WARN",
					// else a run after 17:00 UTC holds every task until the next working day (business hours), one
					// after 21:00 every SMS until the morning: the delays would time the clock, not the engine
					"--forewarn.guardrails.quiet-hours.enabled=false"));
			args.addAll(providers.settings());
			// a setting given to the bench replaces the bench's own: Spring would join the two values
			args.removeIf(own -> Stream.of(settings).anyMatch(given -> key(given).equals(key(own))));
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
				// whole rounds first, not counted: after one short round, even after one whole one, each counted
				// round ran faster than the one before (the JIT still compiling the path): the median timed the warm-up
				for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
					System.out.printf("warm-up round %d (not counted): %.0f events/s in a storm, %.0f in a shop's mix%n",
							round, backlog(producer, "warm" + round + "-", STORM_CUSTOMERS, Scenario.Mix.OUTREACH_STORM),
							backlog(producer, "warms" + round + "-", SHOP_CUSTOMERS, Scenario.Mix.SHOP));
				}
				List<Double> shop = new ArrayList<>();
				List<Double> storm = new ArrayList<>();
				for (int round = 1; round <= ROUNDS; round++) {
					// the two in turns, each first every other round: neither always runs after the other
					if (round % 2 == 0) {
						storm.add(backlog(producer, "r" + round + "-", STORM_CUSTOMERS, Scenario.Mix.OUTREACH_STORM));
					}
					shop.add(backlog(producer, "s" + round + "-", SHOP_CUSTOMERS, Scenario.Mix.SHOP));
					if (round % 2 == 1) {
						storm.add(backlog(producer, "r" + round + "-", STORM_CUSTOMERS, Scenario.Mix.OUTREACH_STORM));
					}
					System.out.printf("throughput round %d: %.0f events/s in a shop's mix, %.0f in a storm%n", round,
							shop.get(round - 1), storm.get(round - 1));
				}
				double median = median(shop);
				row(String.format("Kafka + PostgreSQL sustained, a shop's mix, events/s (median of %d)", ROUNDS),
						String.format("%,.0f", median), String.format("%,.0f", THROUGHPUT_FLOOR),
						median >= THROUGHPUT_FLOOR ? "ok" : "BELOW");
				row("  the same in an outreach storm (3 customers in 4, not 1 in 8)",
						String.format("%,.0f", median(storm)), "-", "");
				settle();
				// -Dbench.paced=N: a fixed rate, to compare two versions at the same load; -Dbench.paced-mix=
				// outreach-storm: in a storm, as such comparisons were made before the shop's mix (more outreach to time)
				double pacedRate = Double.parseDouble(System.getProperty("bench.paced", "0"));
				Scenario.Mix pacedMix = Scenario.Mix.valueOf(System.getProperty("bench.paced-mix", "shop")
					.toUpperCase(Locale.ROOT).replace('-', '_'));
				double sustained = median(pacedMix == Scenario.Mix.SHOP ? shop : storm);
				paced(producer, pacedRate > 0 ? pacedRate : sustained / 2, pacedMix, providers,
						stack.database(database));
			}
			forewarn.close();
			stack.printSlowestStatements(database);
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

	private static String key(String setting) {
		int equals = setting.indexOf('=');
		return equals < 0 ? setting : setting.substring(0, equals);
	}

	private void row(String what, String measured, String floor, String verdict) {
		table.add(String.format("%-58s %14s %12s %s", what, measured, floor, verdict));
	}

	/**
	 * Produces a backlog and answers the events (and the wakeups they bring) processed per second: from the first
	 * record produced until the last event handled, once every produced event is and nothing more came for a while.
	 */
	private double backlog(KafkaProducer<String, String> producer, String prefix, int customers, Scenario.Mix mix)
			throws InterruptedException {
		List<Scenario.Customer> batch = Scenario.recentCustomers(prefix, customers, Instant.now(), mix);
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
		// the shop's events, from the first produced to the last record handled, wakeups they brought included
		double seconds = (lastHandled.get() - start) / 1e9;
		System.out.printf("%s: %d events produced, %d records handled (timers included) in %.1f s%n", prefix,
				ids.size(), handled.get() - before, seconds);
		return ids.size() / seconds;
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

	/**
	 * Produces at the given rate and reports the delays of events that decide outreach at once, by channel: from just
	 * before the event was produced to the provider accepting the message, by the provider's own log (the Twilio stub
	 * answering the SMS, SMTP taking the email), or to the follow-up task opened (its record's time, taken just before
	 * the record is written).
	 */
	private void paced(KafkaProducer<String, String> producer, double perSecond, Scenario.Mix mix,
			BenchProviders providers, JdbcClient db) throws Exception {
		List<Scenario.Customer> customers = new ArrayList<>();
		int events = 0;
		// every customer has at least two events
		for (Scenario.Customer customer : Scenario.recentCustomers("p-", (int) (perSecond * PACED.toSeconds() / 2) + 1,
				Instant.now(), mix)) {
			if (events >= perSecond * PACED.toSeconds()) {
				break;
			}
			customers.add(customer);
			events += customer.events().size();
		}
		List<Measured> measured = new ArrayList<>();
		long intervalNanos = (long) (1e9 / perSecond);
		long next = System.nanoTime();
		for (Scenario.Customer customer : customers) {
			for (String event : customer.events()) {
				LockSupport.parkNanos(next - System.nanoTime());
				String id = id(event);
				if (id.endsWith("-order.payment_failed")) {
					measured.add(new Measured(customer, customer.textable() ? SMS : EMAIL, Instant.now()));
				}
				else if (id.endsWith("-cancel")) {
					measured.add(new Measured(customer, TASK, Instant.now()));
				}
				producer.send(new ProducerRecord<>("bench.events", customer.id(), event));
				next += intervalNanos;
			}
		}
		Map<String, List<Double>> delays = new TreeMap<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		do {
			Thread.sleep(1000);
			delays = accepted(measured, providers, db);
		}
		while (delays.getOrDefault("all", List.of()).size() < measured.size() && System.nanoTime() < deadline);
		delays.values().forEach(Collections::sort);
		List<Double> all = delays.getOrDefault("all", List.of());
		System.out.printf("paced at %.0f events/s for %d s (%s): %d events deciding outreach at once, %d measured%n",
				perSecond, PACED.toSeconds(), mix, measured.size(), all.size());
		if (measured.isEmpty()) {
			row("produce -> accepted by provider: no event deciding outreach at once in " + PACED.toSeconds()
					+ " s at " + perSecond + " events/s, pace it faster", "-", "-", "");
			return;
		}
		double p99 = all.size() < measured.size() ? Double.POSITIVE_INFINITY : percentile(all, 99);
		row(String.format("produce -> accepted by provider / task opened, at %.0f events/s, %d events, p50 / p99",
				perSecond, measured.size()),
				String.format("%.0f / %.0f ms", all.isEmpty() ? Double.NaN : percentile(all, 50), p99),
				String.format("%.0f ms", P99_FLOOR_MS), p99 <= P99_FLOOR_MS ? "ok" : "ABOVE");
		delays.forEach((channel, list) -> {
			if (!channel.equals("all")) {
				row(String.format("  %s, %d events, p50 / p99", channel, list.size()),
						String.format("%.0f / %.0f ms", percentile(list, 50), percentile(list, 99)), "-", "");
			}
		});
	}

	/** The delays (ms) found so far, by channel and "all": a customer's first message of its kind after produce. */
	private static Map<String, List<Double>> accepted(List<Measured> measured, BenchProviders providers,
			JdbcClient db) throws Exception {
		Map<String, List<Instant>> sms = providers.smsAnswered();
		Map<String, Instant> emails = providers.emailsTaken();
		Map<String, String> paymentEmail = new HashMap<>();
		Map<String, Instant> claimed = new HashMap<>();
		db.sql("select o.customer_id, o.channel, o.id, a.started_at from outreach o join outreach_attempt a "
				+ "on a.outreach_id = o.id and a.attempt = 1 where o.problem like 'payment_failed%' "
				+ "and o.customer_id like 'p-%'").query((rs, row) -> {
					if (rs.getString(2).equals("email")) {
						paymentEmail.put(rs.getString(1), rs.getString(3));
					}
					return claimed.put(rs.getString(1), rs.getTimestamp(4).toInstant());
				})
			.list();
		Map<String, Instant> taskOpened = new HashMap<>();
		db.sql("select customer_id, updated_at from outreach where channel = 'task' and status = 'OPEN' "
				+ "and customer_id like 'p-%'")
			.query((rs, row) -> taskOpened.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		Map<String, List<Double>> delays = new TreeMap<>();
		for (Measured m : measured) {
			Instant at = switch (m.channel()) {
				case SMS -> sms.getOrDefault(m.customer().phone(), List.of()).stream()
					.filter(answered -> !answered.isBefore(m.produced())).findFirst().orElse(null);
				case EMAIL -> {
					String outreach = paymentEmail.get(m.customer().id());
					yield outreach == null ? null : emails.entrySet().stream()
						.filter(e -> e.getKey() != null && e.getKey().startsWith("<" + outreach + "."))
						.map(Map.Entry::getValue).findFirst().orElse(null);
				}
				default -> taskOpened.get(m.customer().id());
			};
			Instant began = claimed.get(m.customer().id());
			if (at != null && began != null) {
				// the send claimed just before the provider was called: how much of the delay was waiting for it
				delays.computeIfAbsent(m.channel() + ", until claimed", c -> new ArrayList<>())
					.add(Duration.between(m.produced(), began).toNanos() / 1e6);
			}
			if (at != null) {
				double ms = Duration.between(m.produced(), at).toNanos() / 1e6;
				delays.computeIfAbsent("all", c -> new ArrayList<>()).add(ms);
				delays.computeIfAbsent(m.channel(), c -> new ArrayList<>()).add(ms);
			}
		}
		return delays;
	}

	/** An event that decides outreach at once: its customer, the channel it goes by, when it was produced. */
	private record Measured(Scenario.Customer customer, String channel, Instant produced) {
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
