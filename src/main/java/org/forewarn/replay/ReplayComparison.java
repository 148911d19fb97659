package org.forewarn.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.forewarn.outreach.Outreach;

/**
 * What a change to the rules does over the same events: outreach the other rules add, outreach they remove, and
 * outreach both decide but differently (status, channel, template or send time). Records are matched by their
 * dedupe key: customer, problem, order and rule.
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

	static String key(Outreach o) {
		return String.join("|", o.customerId(), o.problem(), Objects.toString(o.orderId(), ""), o.rule());
	}

	private static Map<String, Outreach> byKey(List<Outreach> records) {
		Map<String, Outreach> map = new LinkedHashMap<>();
		records.forEach(r -> map.put(key(r), r));
		return map;
	}

	private static boolean sameOutcome(Outreach a, Outreach b) {
		return a.status() == b.status() && a.channel().equals(b.channel()) && a.template().equals(b.template())
				&& a.sendAt().equals(b.sendAt());
	}
}
