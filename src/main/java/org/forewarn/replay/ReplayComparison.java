package org.forewarn.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;

/**
 * What a change to the rules does over the same events: outreach the other rules add, outreach they remove, and
 * outreach both decide but differently (status, channel, template or send time). Records are matched by their
 * dedupe key: customer, problem, order and rule id (and their place among the records of that key), so a renamed
 * rule or a moved threshold shows as decided differently, not as added and removed.
 */
record ReplayComparison(ReplaySummary base, ReplaySummary other, List<Change> changes) {

	enum Kind { ADDED, REMOVED, CHANGED }

	/** One difference; {@code before} is null for ADDED, {@code after} for REMOVED. */
	record Change(Kind kind, Outreach before, Outreach after) {

		Outreach either() {
			return after != null ? after : before;
		}
	}

	static ReplayComparison of(ReplaySummary base, ReplaySummary other) {
		Map<String, Outreach> before = byKey(base.outreach());
		Map<String, Outreach> after = byKey(other.outreach());
		List<Change> changes = new ArrayList<>();
		before.forEach((key, record) -> {
			Outreach now = after.get(key);
			if (now == null) {
				changes.add(new Change(Kind.REMOVED, record, null));
			}
			else if (!sameOutcome(record, now)) {
				changes.add(new Change(Kind.CHANGED, record, now));
			}
		});
		after.forEach((key, record) -> {
			if (!before.containsKey(key)) {
				changes.add(new Change(Kind.ADDED, null, record));
			}
		});
		return new ReplayComparison(base, other, changes);
	}

	long count(Kind kind) {
		return changes.stream().filter(c -> c.kind() == kind).count();
	}

	/** How the records' ends moved, most frequent first: {@code "CANCELLED -> SENT" = 64}; "none" when absent. */
	Map<String, Long> transitions() {
		Map<String, Long> counts = new LinkedHashMap<>();
		changes.stream()
			.filter(c -> c.before() == null || c.after() == null || c.before().status() != c.after().status())
			.collect(Collectors.groupingBy(c -> status(c.before()) + " -> " + status(c.after()),
					Collectors.counting()))
			.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Outreach of the rule that did not go out before and does now; {@code calledOff}: it was cancelled before. */
	long nowGoesOut(String rule, boolean calledOff) {
		return changes.stream().filter(c -> c.either().rule().equals(rule) && !wentOut(c.before())
				&& wentOut(c.after()) && (!calledOff || (c.before() != null
						&& c.before().status() == OutreachStatus.CANCELLED)))
			.count();
	}

	/** Outreach of the rule that went out before and does not now. */
	long noLongerGoesOut(String rule) {
		return changes.stream().filter(c -> c.either().rule().equals(rule) && wentOut(c.before())
				&& !wentOut(c.after())).count();
	}

	/**
	 * The changes, most telling first: whether a message now goes out or no longer does, then other status
	 * changes, then channel or template, then only the send time.
	 */
	List<Change> byInterest(Kind kind) {
		return changes.stream().filter(c -> c.kind() == kind)
			.sorted(Comparator.comparingInt(ReplayComparison::interest).reversed()).toList();
	}

	static int interest(Change c) {
		if (wentOut(c.before()) != wentOut(c.after())) {
			return 3;
		}
		if (c.before() == null || c.after() == null || c.before().status() != c.after().status()) {
			return 2;
		}
		return c.before().channel().equals(c.after().channel())
				&& c.before().template().equals(c.after().template()) ? 0 : 1;
	}

	private static boolean wentOut(Outreach o) {
		return o != null && DelayScore.wentOut(o);
	}

	private static String status(Outreach o) {
		return o == null ? "none" : o.status().name();
	}

	static String key(Outreach o) {
		return String.join("|", o.customerId(), o.problem(), Objects.toString(o.orderId(), ""), o.rule());
	}

	/**
	 * Records of one key (a problem that came back, follow-up steps, fallbacks, stale decisions) are told apart by
	 * their place in the order they were decided: the second one decided on each side is compared with the other's.
	 */
	private static Map<String, Outreach> byKey(List<Outreach> records) {
		Map<Outreach, String> keys = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		records.stream()
			.sorted(Comparator.comparing(Outreach::decidedAt).thenComparing(Outreach::id))
			.forEach(r -> {
				int place = seen.merge(key(r), 1, Integer::sum);
				keys.put(r, place == 1 ? key(r) : key(r) + "#" + place);
			});
		Map<String, Outreach> map = new LinkedHashMap<>();
		records.forEach(r -> map.put(keys.get(r), r)); // in the order they are listed
		return map;
	}

	private static boolean sameOutcome(Outreach a, Outreach b) {
		return a.status() == b.status() && a.channel().equals(b.channel()) && a.template().equals(b.template())
				&& a.sendAt().equals(b.sendAt());
	}
}
