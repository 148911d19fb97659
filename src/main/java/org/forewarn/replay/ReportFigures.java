package org.forewarn.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.forewarn.outreach.DetectionCount;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;

/** The numbers a backtest report shows, computed from one replay. */
record ReportFigures(List<RuleRow> rules, Set<String> channels, Set<OutreachStatus> statuses,
		Map<String, Map<OutreachStatus, Long>> channelStatus, SortedMap<LocalDate, Map<String, Long>> perDay,
		SortedMap<String, List<Double>> leadHoursByProblem) {

	/** Reached the customer or a person: a message went out or a task was opened. */
	static final Set<OutreachStatus> WENT_OUT = Set.of(OutreachStatus.SENT, OutreachStatus.DELIVERED,
			OutreachStatus.OPEN, OutreachStatus.CLAIMED, OutreachStatus.RESOLVED, OutreachStatus.DISMISSED);

	/** How often one rule found one problem, and what came of its outreach. */
	record RuleRow(String rule, String problem, long detections, long outreach, long wentOut, long waiting,
			long cancelled, long suppressed, long failed) {
	}

	static ReportFigures of(ReplaySummary replay) {
		Map<String, long[]> perRule = new TreeMap<>();
		for (DetectionCount d : replay.detections()) {
			perRule.computeIfAbsent(d.rule() + "\u0000" + d.problem(), k -> new long[7])[0] += d.detections();
		}
		Set<String> channels = new TreeSet<>();
		Set<OutreachStatus> statuses = new TreeSet<>();
		Map<String, Map<OutreachStatus, Long>> channelStatus = new TreeMap<>();
		SortedMap<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
		SortedMap<String, List<Double>> leadHours = new TreeMap<>();
		for (Outreach o : replay.outreach()) {
			long[] row = perRule.computeIfAbsent(o.rule() + "\u0000" + o.problem(), k -> new long[7]);
			row[1]++;
			if (o.status() != OutreachStatus.HELD_OUT) { // held out: neither went out nor failed; see OutcomeSection
				row[column(o.status())]++;
			}
			channels.add(o.channel());
			statuses.add(o.status());
			channelStatus.computeIfAbsent(o.channel(), c -> new TreeMap<>()).merge(o.status(), 1L, Long::sum);
			perDay.computeIfAbsent(o.decidedAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new TreeMap<>())
				.merge(o.channel(), 1L, Long::sum);
			Instant promised = o.orderId() == null ? null : replay.promisedBy().get(o.orderId());
			if (promised != null && o.sentAt() != null) {
				leadHours.computeIfAbsent(o.problem(), p -> new ArrayList<>())
					.add(Duration.between(o.sentAt(), promised).toMinutes() / 60.0);
			}
		}
		List<RuleRow> rows = new ArrayList<>();
		perRule.forEach((key, n) -> {
			String[] parts = key.split("\u0000", 2);
			rows.add(new RuleRow(parts[0], parts[1], n[0], n[1], n[2], n[3], n[4], n[5], n[6]));
		});
		leadHours.values().forEach(list -> list.sort(null));
		return new ReportFigures(rows, channels, statuses, channelStatus, perDay, leadHours);
	}

	private static int column(OutreachStatus status) {
		if (WENT_OUT.contains(status)) {
			return 2;
		}
		return switch (status) {
			case SCHEDULED, PENDING_REVIEW -> 3;
			case CANCELLED -> 4;
			case SUPPRESSED -> 5;
			default -> 6;
		};
	}

	static double median(List<Double> sorted) {
		int n = sorted.size();
		return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** Lead-time buckets, in hours before the promised date; the first holds messages sent after it. */
	static final double[] LEAD_BUCKETS = { 0, 12, 24, 48, 72, 168 };
	static final String[] LEAD_LABELS = { "after the promise", "0-12 h", "12-24 h", "1-2 days", "2-3 days",
			"3-7 days", "7+ days" };

	static long[] bucket(List<Double> hours) {
		long[] counts = new long[LEAD_LABELS.length];
		for (double h : hours) {
			int i = 0;
			while (i < LEAD_BUCKETS.length && h >= LEAD_BUCKETS[i]) {
				i++;
			}
			counts[i]++;
		}
		return counts;
	}
}
