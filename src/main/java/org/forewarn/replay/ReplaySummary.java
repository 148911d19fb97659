package org.forewarn.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.DetectionCount;
import org.forewarn.outcome.OutcomeReport;
import org.forewarn.outreach.Outreach;

/**
 * What a replay found: input counts and speed, every outreach record with its final status, how often each rule
 * detected each problem, each order's promised date (for lead times) and the outcomes after outreach against the
 * holdout group. Renders as a short text account.
 *
 * @param rules the rules folder replayed, and {@code ruleVersion} its version
 */
record ReplaySummary(String rules, String ruleVersion, long lines, Counts counts, long timersFired, int timersPending,
		double seconds, Instant startedAt, Instant endedAt, List<Outreach> outreach, List<DetectionCount> detections,
		Map<String, Instant> promisedBy, OutcomeReport.Report outcomes) {

	private static final Set<String> TASKS = Set.of("OPEN", "CLAIMED", "RESOLVED", "DISMISSED");
	private static final Set<String> WENT_OUT = Set.of("SENT", "DELIVERED", "OPEN", "CLAIMED", "RESOLVED",
			"DISMISSED");

	/** The event time the replay reached, or null when it was given no event it could process. */
	Instant reachedTime() {
		return startedAt == null ? null : endedAt;
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append("Rules ").append(rules).append(", version ").append(ruleVersion).append('\n');
		out.append(String.format("Replayed %,d lines in %.1f s (%,.0f events/s) up to %s%n", lines, seconds,
				lines / Math.max(seconds, 1e-9), reachedTime() == null ? "no event (none was accepted)" : reachedTime()));
		out.append(String.format("  accepted %,d, duplicates %,d, rejected %,d, failed %,d; timers fired %,d, "
				+ "still pending at the end %,d%n", counts.accepted, counts.duplicates, counts.rejected, counts.failed,
				timersFired, timersPending));
		out.append(String.format("Outreach decided: %,d%n", outreach.size()));
		out.append(String.format("  went out %,d (sent or delivered %,d, tasks opened %,d), suppressed %,d, "
				+ "cancelled %,d, failed %,d, still waiting %,d, held out %,d%n", count(WENT_OUT), count(Set.of("SENT", "DELIVERED")),
				count(TASKS), count(Set.of("SUPPRESSED")), count(Set.of("CANCELLED")), count(Set.of("FAILED")),
				count(Set.of("SCHEDULED", "PENDING_REVIEW")), count(Set.of("HELD_OUT"))));
		section(out, "by status", o -> o.status().name());
		section(out, "suppressed, by reason", o -> o.status().name().equals("SUPPRESSED") ? o.statusReason() : null);
		section(out, "by problem", Outreach::problem);
		section(out, "by channel", Outreach::channel);
		section(out, "by rule", Outreach::rule);
		if (outcomes != null) {
			out.append(OutcomeSection.text(outcomes));
		}
		return out.toString();
	}

	private long count(Set<String> statuses) {
		return outreach.stream().filter(o -> statuses.contains(o.status().name())).count();
	}

	/** Outreach records with a null key are left out of the section. */
	private void section(StringBuilder out, String title, Function<Outreach, String> key) {
		Map<String, Long> counted = outreach.stream()
			.filter(o -> key.apply(o) != null)
			.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
		out.append("  ").append(title).append(":").append(counted.isEmpty() ? " none" : "").append("\n");
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
