package org.forewarn.kafka;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.forewarn.bench.BenchTable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * How late due wakeups fire when many are pending: one Forewarn in the production profile (embedded PostgreSQL 18,
 * Kafka in process). {@value #DUE} wakeups of as many customers, due one after the other over {@value #DUE_SECONDS} s,
 * are measured from their due time to their timer record on the events topic (fired) and to their timer event being
 * stored by the customer's lane (processed), first with nothing else pending, then with {@code --pending N} (default
 * 1,000,000) wakeups due in 30 days. All are rows of the wakeup table written in SQL, as the rules would write them.
 * Not part of the test run: {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forewarn.kafka.WakeupBench -Dexec.args="--pending 1000000"}
 */
public final class WakeupBench {

	static final int DUE = 3_000;
	static final int DUE_SECONDS = 30;
	static final double P99_FLOOR_MS = 2_000;
	private static final String TOPIC = "wb.events";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		long pending = 1_000_000;
		List<String> settings = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--pending") && i + 1 < args.length) {
				pending = Long.parseLong(args[++i]);
			}
			else {
				settings.add(args[i]); // a Forewarn setting to try, --key=value
			}
		}
		int status = 0;
		try {
			new WakeupBench().run(pending, settings);
		}
		catch (Exception | AssertionError e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status); // the broker's threads would keep the JVM alive
	}

	private void run(long pending, List<String> settings) throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try (ProductionStack stack = ProductionStack.start()) {
			String database = stack.createDatabase("wakeups");
			List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN"));
			args.addAll(settings);
			ConfigurableApplicationContext forewarn = stack.startForewarn(database, TOPIC, "wb",
					smtp.getSmtp().getPort(), args.toArray(String[]::new));
			DataSource dataSource = stack.dataSource(database);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			Result idle = measure(stack, jdbc, "idle");
			long started = System.nanoTime();
			jdbc.sql("insert into wakeup (id, customer_id, label, due_at, next_try_at) select 'pending-' || g, "
					+ "'pending-' || g, 'bench', t, t from (select g, now() + interval '30 days' + g * interval '1 ms' "
					+ "as t from generate_series(1, ?) g) s").param(pending).update();
			jdbc.sql("analyze wakeup").update(); // as autovacuum would soon after such a load
			long seeded = jdbc.sql("select count(*) from wakeup").query(Long.class).single();
			System.out.printf("seeded %,d pending wakeups in %d s%n", seeded,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			Result loaded = measure(stack, jdbc, "loaded");
			System.gc();
			long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
			List<String> table = new ArrayList<>();
			table.add(String.format("%-58s %22s %12s", "due wakeups late by (" + DUE + " due over " + DUE_SECONDS
					+ " s)", "p50 / p99", "p99 floor"));
			table.add(line("fired, nothing else pending", idle.fired(), true));
			table.add(line("processed, nothing else pending", idle.processed(), false));
			table.add(line(String.format("fired, %,d pending", seeded), loaded.fired(), true));
			table.add(line(String.format("processed, %,d pending", seeded), loaded.processed(), false));
			table.add(String.format("%-58s %,15d MB", "heap used after GC with them pending (bench and Forewarn)",
					heapMb));
			BenchTable.print("wakeups.txt", table);
			forewarn.close();
		}
		finally {
			smtp.stop();
		}
	}

	private static String line(String what, List<Long> lateness, boolean floor) {
		String p99 = lateness.size() < DUE * 99 / 100 ? "never" : String.valueOf(lateness.get(DUE * 99 / 100 - 1));
		return String.format("%-58s %8d / %8s ms %9s %s", what, lateness.isEmpty() ? -1 : lateness.get(
				lateness.size() / 2), p99, floor ? String.format("%.0f ms", P99_FLOOR_MS) : "",
				!floor ? "" : !p99.equals("never") && Long.parseLong(p99) <= P99_FLOOR_MS ? "ok" : "ABOVE");
	}

	/** Sorted lateness in ms of the measured wakeups: until their timer record was produced, until stored. */
	record Result(List<Long> fired, List<Long> processed) {
	}

	/** {@value #DUE} wakeups due one after the other over {@value #DUE_SECONDS} s, starting 5 s from now. */
	private Result measure(ProductionStack stack, JdbcClient jdbc, String name) throws InterruptedException {
		long step = DUE_SECONDS * 1000L / DUE;
		jdbc.sql("insert into wakeup (id, customer_id, label, due_at, next_try_at) select ? || g, ? || g, 'bench', t, "
				+ "t from (select g, now() + interval '5 s' + g * ? * interval '1 ms' as t from generate_series(1, ?) g) s")
			.params(name + "-", name + "-", step, DUE).update();
		Supplier<List<Long>> processed = () -> jdbc.sql("select extract(epoch from received_at - event_time) * 1000 "
				+ "from event where type = 'timer.fired' and customer_id like ? order by 1").param(name + "-%")
			.query(Double.class).list().stream().map(Math::round).toList();
		long deadline = System.nanoTime() + Duration.ofSeconds(DUE_SECONDS + 5 + 120).toNanos();
		while (processed.get().size() < DUE && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		List<Long> stored = processed.get();
		if (stored.size() < DUE) {
			System.out.printf("%s: only %d of %d timer events stored within 120 s after the last was due%n", name,
					stored.size(), DUE);
		}
		List<Long> fired = new ArrayList<>();
		for (ConsumerRecord<String, String> record : stack.readAll(TOPIC)) {
			if (record.key() != null && record.key().startsWith(name + "-")) {
				Instant due = Instant.parse(JSON.readTree(record.value()).get("data").get("dueAt").asString());
				fired.add(record.timestamp() - due.toEpochMilli());
			}
		}
		Collections.sort(fired);
		System.out.printf("%s: %d fired, %d processed%n", name, fired.size(), stored.size());
		return new Result(fired, stored);
	}
}
