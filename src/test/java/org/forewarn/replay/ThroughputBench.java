package org.forewarn.replay;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.forewarn.bench.BenchTable;
import org.forewarn.event.EventParser;
import org.forewarn.event.InvalidEventException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replay throughput, side by side in one run: a parse-only pass over the events, the replay with no rules and the
 * replay with the default rules, each the median of {@code --rounds} runs, with the floors they must reach. Not part
 * of the test run:
 * {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forewarn.replay.ThroughputBench -Dexec.args="--events FILE --copies 12"}
 *
 * <p>{@code --copies N} replays N copies of the file side by side (ids, customers and orders prefixed per copy, each
 * line's copies one after the other, so time order holds): 12 copies of 20,000 events make a shop twelve times the
 * size. Without {@code --events}, the holdout example's generator makes 40,000 customers' events. The rounds counted
 * follow {@code --warmups} (1) rounds that are not. Heap: the most
 * used after a collection (sampled every 200 ms), so it shows what the replay keeps, not its garbage.
 */
public final class ThroughputBench {

	static final double REPLAY_FLOOR = 20_000;
	static final double OVERHEAD_CEILING = 1.5;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		Path source = null;
		int copies = 1;
		int rounds = 3;
		int warmups = 1;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--events" -> source = Path.of(args[i + 1]);
				case "--copies" -> copies = Integer.parseInt(args[i + 1]);
				case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
				case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]
						+ " (known: --events FILE, --copies N, --rounds N, --warmups N)");
			}
		}
		Path work = Files.createTempDirectory("forewarn-bench");
		Path events = work.resolve("events.jsonl");
		if (source == null) {
			generate(events);
		}
		else {
			copy(source, copies, events);
		}
		Path noRules = Files.createDirectories(work.resolve("no-rules"));
		Files.writeString(noRules.resolve("none.drl"), "package forewarn.none;\ndeclare NoRules end\n");
		long lines = countLines(events);
		System.out.printf("%,d events (%s%s), %d rounds after %d warm-up, %d cores, Java %s%n", lines,
				source == null ? "generated" : source, copies > 1 ? " x " + copies : "", rounds, warmups,
				Runtime.getRuntime().availableProcessors(), Runtime.version());
		// the first replays in a JVM run largely interpreted: measured, they would mostly measure the JIT
		List<Run> warm = new ArrayList<>();
		for (int round = 0; round < warmups; round++) {
			double warmParse = parseOnly(events);
			warm.add(replay(events, List.of("--forewarn.rules=" + noRules)));
			warm.add(replay(events, List.of("--forewarn.rules=rules")));
			System.out.printf("warm-up %d (not counted): parse %,.0f/s, no rules %,.0f/s, default rules %,.0f/s%n",
					round + 1, warmParse, warm.get(2 * round).rate(), warm.get(2 * round + 1).rate());
		}

		List<Double> parse = new ArrayList<>();
		List<Run> bare = new ArrayList<>();
		List<Run> ruled = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			parse.add(parseOnly(events));
			bare.add(replay(events, List.of("--forewarn.rules=" + noRules)));
			ruled.add(replay(events, List.of("--forewarn.rules=rules")));
			System.out.printf("round %d: parse %,.0f/s, no rules %,.0f/s, default rules %,.0f/s%n", round + 1,
					parse.get(round), bare.get(round).rate(), ruled.get(round).rate());
		}
		double parseRate = median(parse);
		double bareRate = median(bare.stream().map(Run::rate).toList());
		double ruledRate = median(ruled.stream().map(Run::rate).toList());
		double overhead = bareRate / ruledRate;
		List<String> table = new ArrayList<>();
		table.add(String.format("%-58s %14s %12s", "what (median of " + rounds + ")", "measured", "must reach"));
		table.add(String.format("%-58s %,14.0f %12s", "parse only, events/s", parseRate, "-"));
		table.add(String.format("%-58s %,14.0f %12s", "replay, no rules, events/s", bareRate, "-"));
		table.add(String.format("%-58s %,14.0f %,12.0f %s", "replay, default rules, events/s", ruledRate, REPLAY_FLOOR,
				ruledRate >= REPLAY_FLOOR ? "ok" : "BELOW"));
		table.add(String.format("%-58s %13.2fx %11.1fx %s", "rule engine overhead (no rules / default rules)", overhead,
				OVERHEAD_CEILING, overhead <= OVERHEAD_CEILING ? "ok" : "ABOVE"));
		table.add(String.format("%-58s %,13d MB %12s", "heap used after GC while replaying, default rules",
				ruled.stream().mapToLong(Run::heapMb).max().orElse(0), "report"));
		table.add(String.format("%-58s %,14d %12s", "outreach records (default rules, every round the same)",
				ruled.get(0).outreach(), "-"));
		table.add(String.format("%-58s %,14d %12d", "events rejected or failed (any replay, any round)",
				unprocessed(warm, bare, ruled), 0));
		if (!ruled.stream().allMatch(r -> r.outreach() == ruled.get(0).outreach())) {
			table.add("ROUNDS DIFFER in the outreach they decided");
		}
		BenchTable.print("replay.txt", table);
		System.exit(0);
	}

	/** A replay's speed, heap and outreach; {@code unprocessed}: events rejected or failed, which a rate must not hide. */
	record Run(double rate, long heapMb, int outreach, long unprocessed) {
	}

	@SafeVarargs
	private static long unprocessed(List<Run>... runs) {
		return Stream.of(runs).flatMap(List::stream).mapToLong(Run::unprocessed).sum();
	}

	private static Run replay(Path events, List<String> settings) throws IOException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(afterCollection(), Math::max);
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		ReplaySummary summary = ReplayCommand.replay(events, settings);
		sampler.interrupt();
		memory.gc();
		return new Run(summary.lines() / summary.seconds(), peak.get() / (1024 * 1024), summary.outreach().size(),
				summary.counts().rejected() + summary.counts().failed());
	}

	/** Heap in use just after the last collection of the old generation (all pools), or now when none ran. */
	private static long afterCollection() {
		long used = 0;
		for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
			var collected = pool.getCollectionUsage();
			if (collected != null && pool.getType() == java.lang.management.MemoryType.HEAP) {
				used += collected.getUsed();
			}
		}
		return used;
	}

	private static double parseOnly(Path events) throws IOException {
		long started = System.nanoTime();
		long parsed = 0;
		try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				try {
					EventParser.parse(line);
					parsed++;
				}
				catch (InvalidEventException e) {
					parsed++;
				}
			}
		}
		return parsed / ((System.nanoTime() - started) / 1e9);
	}

	private static void generate(Path events) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process generator = new ProcessBuilder(java.toString(), "docs/holdout-example/GenerateEvents.java",
				"--customers", "40000", "--seed", "7").redirectOutput(events.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		if (generator.waitFor() != 0) {
			throw new IllegalStateException("the event generator failed");
		}
	}

	/** Each line {@code copies} times, with the ids of copy k prefixed by {@code k<k>-}. */
	private static void copy(Path source, int copies, Path target) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
				BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				for (int k = 0; k < copies; k++) {
					ObjectNode event = (ObjectNode) JSON.readTree(line);
					String prefix = copies == 1 ? "" : "k" + k + "-";
					for (String field : List.of("id", "customerId", "orderId")) {
						if (event.hasNonNull(field)) {
							event.put(field, prefix + event.get(field).asString());
						}
					}
					writer.write(event.toString());
					writer.newLine();
				}
			}
		}
	}

	private static long countLines(Path file) throws IOException {
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.count();
		}
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private ThroughputBench() {
	}
}
