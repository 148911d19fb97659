package org.forewarn.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.DetectionCount;
import org.forewarn.outreach.Outreach;

/**
 * What a replay found: input counts and speed, every outreach record with its final status, how often each rule
 * detected each problem, and each order's promised date (for lead times). Renders as a short text account.
 *
 * @param rules the rules folder replayed, and {@code ruleVersion} its version
 */
record ReplaySummary(String rules, String ruleVersion, long lines, Counts counts, long timersFired, int timersPending,
		double seconds, Instant startedAt, Instant endedAt, List<Outreach> outreach, List<DetectionCount> detections,
		Map<String, Instant> promisedBy) {

	String render() {
		StringBuilder out = new StringBuilder();
		out.append("Rules ").append(rules).append(", version ").append(ruleVersion).append('\n');
		out.append(String.format("Replayed %,d lines in %.1f s (%,.0f events/s) up to %s%n", lines, seconds,
				lines / Math.max(seconds, 1e-9), endedAt));
		out.append(String.format("  accepted %,d, duplicates %,d, rejected %,d, failed %,d; timers fired %,d, "
				+ "still pending at the end %,d%n", counts.accepted, counts.duplicates, counts.rejected, counts.failed,
				timersFired, timersPending));
		out.append(String.format("Outreach decided: %,d%n", outreach.size()));
		section(out, "by status", o -> o.status().name());
		section(out, "by problem", Outreach::problem);
		section(out, "by channel", Outreach::channel);
		section(out, "by rule", Outreach::rule);
		return out.toString();
	}

	private void section(StringBuilder out, String title, Function<Outreach, String> key) {
		Map<String, Long> counted = outreach.stream()
			.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
		out.append("  ").append(title).append(":\n");
		counted.forEach((name, n) -> out.append(String.format("    %-60s %,8d%n", name, n)));
	}

	/** Input outcome counts. */
	static final class Counts {
		long accepted;
		long duplicates;
		long rejected;
		long failed;

		void add(IntakeResult.Status status) {
			switch (status) {
				case ACCEPTED -> accepted++;
				case DUPLICATE -> duplicates++;
				case REJECTED -> rejected++;
				case FAILED -> failed++;
			}
		}

		long rejected() { return rejected; }
		long failed() { return failed; }
	}
}
