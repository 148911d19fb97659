package org.forewarn.kafka;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * How late due wakeups fire when many are pending: one Forewarn in the production profile (clustered Quartz on an
 * embedded PostgreSQL 18, Kafka in process). Wakeups due over {@value #DUE_SECONDS} s are measured from their due
 * time to Quartz firing them, first with nothing else pending, then with {@code --pending N} (default 1,000,000)
 * wakeups due in 30 days. The pending ones are copies of a real wakeup made in SQL (scheduling a million through
 * the API, one transaction each, would take far longer than the measurement). Not part of the test run:
 * {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forewarn.kafka.WakeupBench -Dexec.args="--pending 1000000"}
 */
public final class WakeupBench {

	static final long DUE = 3_000;
	static final int DUE_SECONDS = 30;
	static final double P99_FLOOR_MS = 2_000;
	private static final String GROUP = "forewarn-wakeups";

	private final List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
	private TransactionTemplate transaction;

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
			List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN",
					"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=2000",
					// the copies carry the template's due time, days ahead: their timer events are taken, once
					"--forewarn.intake.max-clock-skew=P30D"));
			args.addAll(settings);
			ConfigurableApplicationContext forewarn = stack.startForewarn(database, "wb.events", "wb",
					smtp.getSmtp().getPort(), args.toArray(String[]::new));
			forewarn.getBean(Scheduler.class).getListenerManager().addTriggerListener(new Lateness());
			DataSource dataSource = stack.dataSource(database);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			template(stack, jdbc);
			System.out.println("a real wakeup to copy is scheduled");
			Result idle = measure(jdbc, "idle");
			long started = System.nanoTime();
			copy(jdbc, "pending", pending, "(extract(epoch from now()) * 1000)::bigint + 30::bigint * 86400000");
			jdbc.sql("analyze").update(); // as autovacuum would soon after such a load
			long seeded = jdbc.sql("select count(*) from qrtz_triggers").query(Long.class).single();
			System.out.printf("seeded %,d pending wakeups in %d s%n", seeded,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			Result loaded = measure(jdbc, "loaded");
			System.gc();
			long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
			System.out.println();
			System.out.printf("%-62s %12s %12s%n", "due wakeups fired late by (" + DUE + " due over " + DUE_SECONDS
					+ " s)", "p50 / p99", "p99 floor");
			System.out.printf("%-62s %5d / %5d ms %9.0f ms%n", "nothing else pending", idle.p50(), idle.p99(),
					P99_FLOOR_MS);
			System.out.printf("%-62s %5d / %5s ms %9.0f ms %s%n", String.format("%,d pending", seeded), loaded.p50(),
					loaded.p99() == Long.MAX_VALUE ? "never" : String.valueOf(loaded.p99()), P99_FLOOR_MS,
					loaded.p99() <= P99_FLOOR_MS ? "ok" : "ABOVE");
			System.out.printf("%-62s %,9d MB%n", "heap used after GC with them pending (bench and Forewarn)", heapMb);
			forewarn.close();
		}
		finally {
			smtp.stop();
		}
	}

	record Result(long fired, long p50, long p99) {
	}

	/** One real wakeup, made by the rules for a placed order, to copy. */
	private void template(ProductionStack stack, JdbcClient jdbc) throws InterruptedException {
		String time = Instant.now().toString();
		String event = "{\"id\":\"wb-order\",\"type\":\"order.placed\",\"time\":\"" + time + "\",\"customerId\":\"wb-c\","
				+ "\"orderId\":\"wb-o\",\"data\":{\"shipBy\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\","
				+ "\"promisedBy\":\"" + Instant.now().plus(Duration.ofDays(6)) + "\"}}";
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.brokers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("wb.events", "wb-c", event));
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (jdbc.sql("select count(*) from qrtz_triggers").query(Long.class).single() == 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the placed order scheduled no wakeup in 2 minutes");
			}
			Thread.sleep(200);
		}
	}

	/** {@value #DUE} copies due one after the other over {@value #DUE_SECONDS} s, starting 5 s from now. */
	private Result measure(JdbcClient jdbc, String name) throws InterruptedException {
		lateness.clear();
		long step = DUE_SECONDS * 1000L / DUE;
		copy(jdbc, name, DUE, "(extract(epoch from now()) * 1000)::bigint + 5000 + g * " + step);
		long deadline = System.nanoTime() + Duration.ofSeconds(DUE_SECONDS + 120).toNanos();
		while (lateness.size() < DUE && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		List<Long> sorted = new ArrayList<>(lateness);
		Collections.sort(sorted);
		if (sorted.size() < DUE) {
			System.out.printf("%s: only %d of %d due wakeups fired within %d s after the last was due%n", name,
					sorted.size(), DUE, 120);
		}
		long p50 = sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
		// a wakeup that never fired counts as the latest
		long p99 = sorted.size() < DUE * 99 / 100 ? Long.MAX_VALUE : sorted.get((int) (DUE * 99 / 100) - 1);
		System.out.printf("%s: %d fired, lateness p50 %d ms, p99 %s ms, max %d ms%n", name, sorted.size(), p50,
				p99 == Long.MAX_VALUE ? "never" : String.valueOf(p99),
				sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
		return new Result(sorted.size(), p50, p99);
	}

	/** Copies the first wakeup {@code count} times, named {@code prefix-N}, next firing at {@code fireAt(g)}. */
	private void copy(JdbcClient jdbc, String prefix, long count, String fireAt) {
		// in one transaction: the scheduler must never see a trigger without its details
		transaction.executeWithoutResult(tx -> {
			// the rows are copies of consistent ones: checking each foreign key against a million rows PostgreSQL
			// has no statistics for yet did not finish in a quarter of an hour
			jdbc.sql("set local session_replication_role = replica").update();
			copyRows(jdbc, prefix, count, fireAt);
		});
	}

	private static void copyRows(JdbcClient jdbc, String prefix, long count, String fireAt) {
		String template = jdbc.sql("select trigger_name from qrtz_triggers where trigger_group = ? "
				+ "and trigger_name not like '%-%' order by trigger_name limit 1").param(GROUP)
			.query(String.class).single();
		String name = "'" + prefix + "-' || g";
		jdbc.sql("insert into qrtz_job_details (sched_name, job_name, job_group, description, job_class_name, "
				+ "is_durable, is_nonconcurrent, is_update_data, requests_recovery, job_data) select sched_name, " + name
				+ ", job_group, description, job_class_name, is_durable, is_nonconcurrent, is_update_data, "
				+ "requests_recovery, job_data from qrtz_job_details, generate_series(1, ?) g "
				+ "where job_group = ? and job_name = ?").params(count, GROUP, template).update();
		jdbc.sql("insert into qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, "
				+ "description, next_fire_time, prev_fire_time, priority, trigger_state, trigger_type, start_time, "
				+ "end_time, calendar_name, misfire_instr, job_data) select sched_name, " + name + ", trigger_group, "
				+ name + ", job_group, description, " + fireAt + ", prev_fire_time, priority, 'WAITING', "
				+ "trigger_type, " + fireAt + ", end_time, calendar_name, misfire_instr, job_data from qrtz_triggers, "
				+ "generate_series(1, ?) g where trigger_group = ? and trigger_name = ?")
			.params(count, GROUP, template).update();
		jdbc.sql("insert into qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, "
				+ "repeat_interval, times_triggered) select sched_name, " + name + ", trigger_group, repeat_count, "
				+ "repeat_interval, times_triggered from qrtz_simple_triggers, generate_series(1, ?) g "
				+ "where trigger_group = ? and trigger_name = ?").params(count, GROUP, template).update();
	}

	/** Records how long after its scheduled time each copy fired. */
	private final class Lateness extends TriggerListenerSupport {

		@Override
		public String getName() {
			return "bench-lateness";
		}

		@Override
		public void triggerFired(Trigger trigger, JobExecutionContext context) {
			String name = trigger.getKey().getName();
			if (name.startsWith("idle-") || name.startsWith("loaded-")) {
				lateness.add(System.currentTimeMillis() - context.getScheduledFireTime().getTime());
			}
		}
	}
}
