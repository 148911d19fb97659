package org.forewarn.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.forewarn.outreach.Outreach;

/**
 * How much each rule sends: messages that went out, orders and customers reached per 1,000, and where the history
 * tells, how many of the orders it messaged about a delivery-timing problem arrived on time. A rule reaching more
 * than {@code warnings.percent()} of all orders, or messaging mostly orders that arrived on time about their
 * delivery, gets a warning ({@link VolumeWarnings}).
 */
record RuleVolumes(List<Row> rows, VolumeWarnings warnings) {

	/** Below this many on-time orders messaged a rule is not warned about for them: too few to mean much. */
	static final int ON_TIME_WARNING_MIN = 10;

	/**
	 * @param scored orders messaged about a problem in {@code warnings.onTimeProblems()} whose lateness is known,
	 *        {@code onTime} those of them that arrived on time
	 */
	record Row(String rule, String problem, long messages, long orders, double ordersPer1000, double customersPer1000,
			long scored, long onTime, String warning) {

		double precision() {
			return scored == 0 ? Double.NaN : (scored - onTime) / (double) scored;
		}
	}

	static RuleVolumes of(List<Outreach> records, OrderHistory history, VolumeWarnings warnings) {
		Map<String, List<Outreach>> byRule = new TreeMap<>();
		records.stream().filter(DelayScore::wentOut).forEach(o -> byRule.computeIfAbsent(o.rule(),
				r -> new ArrayList<>()).add(o));
		List<Row> rows = new ArrayList<>();
		byRule.forEach((rule, sent) -> {
			Set<String> orders = new HashSet<>();
			Set<String> timingOrders = new HashSet<>();
			Set<String> customers = new HashSet<>();
			sent.forEach(o -> {
				if (o.orderId() != null) {
					orders.add(o.orderId());
					if (warnings.checksOnTime(o.problem())) {
						timingOrders.add(o.orderId());
					}
				}
				customers.add(o.customerId());
			});
			long scored = 0;
			long onTime = 0;
			for (String order : timingOrders) {
				OrderHistory.Order known = history.orders().get(order);
				if (known != null && known.scored(history.last())) {
					scored++;
					onTime += known.late() ? 0 : 1;
				}
			}
			double ordersPer1000 = 1000.0 * orders.size() / Math.max(1, history.placed());
			rows.add(new Row(rule, sent.get(0).problem(), sent.size(), orders.size(), ordersPer1000,
					1000.0 * customers.size() / Math.max(1, history.customers()), scored, onTime,
					warning(ordersPer1000 / 10, scored, onTime, warnings)));
		});
		return new RuleVolumes(rows, warnings);
	}

	private static String warning(double percentOfOrders, long scored, long onTime, VolumeWarnings warnings) {
		List<String> found = new ArrayList<>();
		if (percentOfOrders > warnings.percent()) {
			found.add(String.format(Locale.ROOT, "messages %.1f %% of all orders (warning above %s %%)",
					percentOfOrders, trim(warnings.percent())));
		}
		if (onTime >= ON_TIME_WARNING_MIN && 2 * onTime > scored) {
			found.add(String.format(Locale.ROOT, "%,d of the %,d orders it messaged arrived on time", onTime,
					scored));
		}
		return found.isEmpty() ? null : String.join("; ", found);
	}

	static String trim(double number) {
		return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
	}

	Row row(String rule) {
		return rows.stream().filter(r -> r.rule().equals(rule)).findFirst().orElse(null);
	}
}
