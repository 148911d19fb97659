package org.forewarn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.forewarn.event.EventParser;
import org.forewarn.replay.ReplaySession;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleSet;
import org.forewarn.rules.RuleSetLoader;
import org.forewarn.rules.reload.ReloadAttempt;
import org.forewarn.rules.reload.RuleReloader;
import org.forewarn.rules.reload.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule reload figures, printed as medians: build-and-swap time of the shipped rules and of a generated folder of 500
 * rules, and events per second through the engine (replay path, in-memory database, one lane) with and without a
 * reload running beside it. Not part of the normal test run (the class name does not end in Test):
 * {@code ./mvnw -B -q test -Dtest=RulesReloadBench; cat target/bench/rules-reload.txt}.
 */
class RulesReloadBench {

	private static final int BUILDS = 15;
	private static final int WINDOWS = 5;
	private static final Duration WINDOW = Duration.ofSeconds(3);

	@TempDir
	Path work;

	private final List<String> report = new ArrayList<>();

	@Test
	void measure() throws Exception {
		report.add("Rule reload figures (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ Runtime.version() + ")");
		buildAndSwap("shipped rules", Path.of("rules"));
		buildAndSwap("500 generated rules", generated(work.resolve("generated"), 500));
		eventsPerSecond();
		Path file = Path.of("target/bench/rules-reload.txt");
		Files.createDirectories(file.getParent());
		Files.write(file, report);
		report.forEach(System.out::println);
	}

	private void buildAndSwap(String label, Path folder) {
		RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
		RuleEngine engine = new RuleEngine(loader.load(folder));
		for (int i = 0; i < 3; i++) {
			loader.load(folder); // warm-up: the first builds also load and compile the compiler itself
		}
		long heapBefore = usedMb();
		List<Double> millis = new ArrayList<>();
		int rules = 0;
		for (int i = 0; i < BUILDS; i++) {
			long start = System.nanoTime();
			RuleSet next = loader.load(folder);
			engine.swap(next);
			millis.add((System.nanoTime() - start) / 1e6);
			rules = next.rules().size();
		}
		report.add(String.format("build and swap, %s (%d rules): median %.0f ms over %d builds (min %.0f, max %.0f);"
				+ " heap after GC %d MB before the builds, %d MB after", label, rules, median(millis), BUILDS,
				millis.stream().mapToDouble(d -> d).min().orElse(0), millis.stream().mapToDouble(d -> d).max().orElse(0),
				heapBefore, usedMb()));
	}

	/** Alternates windows without and with back-to-back reloads of the shipped rules, events flowing throughout. */
	private void eventsPerSecond() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("live-rules"));
		try (ReplaySession session = ReplaySession.start(List.of("--forewarn.rules=" + rules))) {
			RuleReloader reloader = session.bean(RuleReloader.class);
			Feeder feeder = new Feeder(session);
			feeder.run(WINDOW); // warm-up
			List<Double> quiet = new ArrayList<>();
			List<Double> reloading = new ArrayList<>();
			List<Double> reloadMillis = new ArrayList<>();
			for (int w = 0; w < WINDOWS; w++) {
				quiet.add(feeder.run(WINDOW));
				AtomicBoolean on = new AtomicBoolean(true);
				AtomicInteger reloads = new AtomicInteger();
				Thread reloadLoop = new Thread(() -> {
					while (on.get()) {
						touch(rules.resolve("orders.drl"), reloads.get());
						ReloadAttempt attempt = reloader.reload("bench");
						assertThat(attempt.outcome()).isEqualTo(ReloadAttempt.Outcome.LOADED);
						reloadMillis.add((double) attempt.buildMillis());
						reloads.incrementAndGet();
					}
				});
				reloadLoop.start();
				reloading.add(feeder.run(WINDOW));
				on.set(false);
				reloadLoop.join();
			}
			report.add(String.format("events/s without a reload: median %.0f over %d windows of %d s", median(quiet),
					WINDOWS, WINDOW.toSeconds()));
			report.add(String.format("events/s while the shipped rules reload back to back: median %.0f "
					+ "(%.0f%% of the rate without; %d reloads, median %.0f ms each under load)", median(reloading),
					100 * median(reloading) / median(quiet), reloadMillis.size(), median(reloadMillis)));
		}
	}

	/** Orders of fresh customers through their life: placed, paid, shipped, delivered. */
	private static final class Feeder {
		private final ReplaySession session;
		private Instant time = Instant.parse("2026-01-01T00:00:00Z");
		private long order;

		Feeder(ReplaySession session) {
			this.session = session;
		}

		double run(Duration window) {
			long events = 0;
			long start = System.nanoTime();
			long end = start + window.toNanos();
			while (System.nanoTime() < end) {
				String c = "c" + order;
				String o = "o" + order++;
				Instant placed = time;
				time = time.plusSeconds(60);
				feed("{\"id\":\"" + o + "-p\",\"type\":\"order.placed\",\"time\":\"" + placed + "\",\"customerId\":\"" + c
						+ "\",\"orderId\":\"" + o + "\",\"data\":{\"shipBy\":\"" + placed.plus(Duration.ofDays(1))
						+ "\",\"promisedBy\":\"" + placed.plus(Duration.ofDays(6)) + "\"}}");
				feed(simple(o + "-a", "order.paid", placed.plusSeconds(30), c, o));
				feed(simple(o + "-s", "order.shipped", placed.plus(Duration.ofHours(20)), c, o));
				feed(simple(o + "-d", "order.delivered", placed.plus(Duration.ofDays(3)), c, o));
				events += 4;
			}
			return events / ((System.nanoTime() - start) / 1e9);
		}

		private void feed(String json) {
			session.feed(EventParser.parse(json));
		}

		private static String simple(String id, String type, Instant at, String customer, String order) {
			return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + at + "\",\"customerId\":\""
					+ customer + "\",\"orderId\":\"" + order + "\"}";
		}
	}

	/** A folder of {@code count} rules shaped like the shipped ones, 100 to a file. */
	static Path generated(Path folder, int count) throws IOException {
		Files.createDirectories(folder);
		for (int file = 0; file * 100 < count; file++) {
			StringBuilder drl = new StringBuilder("package forewarn.generated.f" + file + ";\n"
					+ "import org.forewarn.customer.Order;\nimport org.forewarn.customer.Shipment;\n"
					+ "import org.forewarn.rules.Trigger;\nglobal org.forewarn.rules.Decisions decide;\n");
			for (int r = file * 100; r < Math.min(count, (file + 1) * 100); r++) {
				drl.append("\nrule \"generated ").append(r).append(": region ").append(r).append(" late\"\nwhen\n")
					.append("    $t : Trigger()\n")
					.append("    $o : Order( open == true, destinationRegion == \"R").append(r)
					.append("\", promisedBy != null, $t.hoursUntil(promisedBy) <= ").append(24 + r % 48).append(" )\n")
					.append("    not Shipment( orderId == $o.orderId, estimateAfterPromise == true )\nthen\n")
					.append("    decide.outreach( \"shipment.late\", $o.getOrderId(), \"email\", \"shipment_late\" )")
					.append(".afterHours(").append(r % 5).append(");\nend\n");
			}
			Files.writeString(folder.resolve("generated-" + file + ".drl"), drl);
		}
		return folder;
	}

	/** A comment that differs each time, so every reload is a new version that must be built. */
	private static void touch(Path file, int n) {
		try {
			String text = Files.readString(file).replaceFirst("(?s)^// bench \\d+\n", "");
			Files.writeString(file, "// bench " + n + "\n" + text);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static long usedMb() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}
}
