package org.forewarn.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import static org.forewarn.replay.HtmlText.escape;

/**
 * Whether a rule set does well, and whether a change does better: the outcome figures of delay outreach (as
 * bench/olist_score.py computes them), the volume each rule sends with its warnings, and for a comparison how the
 * records' ends moved and which rules now send what they used to call off. As text and as report sections.
 */
final class FiguresSection {

	/** One figure: its label, how to read it off a score, how to write it, and whether more is better. */
	private record Figure(String label, ToDoubleFunction<DelayScore> value, String format, boolean moreIsBetter) {
	}

	private static final List<Figure> FIGURES = List.of(
			new Figure("orders with a known outcome", DelayScore::orders, "%,.0f", true),
			new Figure("late orders", DelayScore::late, "%,.0f", true),
			new Figure("orders messaged", DelayScore::touched, "%,.0f", true),
			new Figure("recall before the promise", DelayScore::recallBeforePromise, "%.3f", true),
			new Figure("recall a day ahead", DelayScore::recallAt24h, "%.3f", true),
			new Figure("precision", DelayScore::precision, "%.3f", true),
			new Figure("needless messages per 1,000 orders", DelayScore::needlessPer1000, "%.1f", false),
			new Figure("median lead before the promise (h)", DelayScore::medianLeadHours, "%.1f", true),
			new Figure("messages per messaged order", DelayScore::messagesPerTouchedOrder, "%.3f", false),
			new Figure("messages per messaged customer", DelayScore::messagesPerCustomer, "%.3f", false));

	static final String NO_OUTCOMES = "The events hold no orders with a promised date that was delivered or has "
			+ "passed: no outcome figures.";
	static final String HOW = "Delay outreach (order.not_shipped, shipment.*) that went out, against orders "
			+ "delivered after their promise or never: computed as bench/olist_score.py computes it. Messages per "
			+ "messaged customer, which the scorer has not: the same messages (those counted in messages per "
			+ "messaged order) divided by the number of different customers they went to.";

	private FiguresSection() {
	}

	/** The figures of one replay, or with {@code comparison} of both folders side by side. */
	static String text(OrderHistory history, ReplaySummary base, ReplayComparison comparison,
			VolumeWarnings warnings) {
		StringBuilder out = new StringBuilder();
		DelayScore before = DelayScore.of(base.outreach(), history);
		DelayScore after = comparison == null ? null : DelayScore.of(comparison.other().outreach(), history);
		out.append(comparison == null ? "Outcome figures:\n" : "Outcome figures, before -> after:\n");
		if (!DelayScore.applies(history)) {
			out.append("  ").append(NO_OUTCOMES).append('\n');
		}
		else {
			for (Figure f : FIGURES) {
				out.append(String.format(Locale.ROOT, "  %-38s %s%n", f.label(), after == null ? value(f, before)
						: value(f, before) + " -> " + value(f, after)));
			}
		}
		RuleVolumes volumes = RuleVolumes.of(base.outreach(), history, warnings);
		RuleVolumes others = comparison == null ? null
				: RuleVolumes.of(comparison.other().outreach(), history, warnings);
		out.append(String.format(Locale.ROOT, "Orders messaged per 1,000 orders (%,d orders, %,d customers), per "
				+ "rule%s:%n", history.placed(), history.customers(), others == null ? "" : ", before -> after"));
		for (String rule : rules(volumes, others)) {
			RuleVolumes.Row row = others == null ? volumes.row(rule) : others.row(rule);
			out.append(String.format(Locale.ROOT, "  %-32s %s%s%s%n", rule, per1000(volumes.row(rule)),
					others == null ? "" : " -> " + per1000(others.row(rule)),
					comparison == null ? "" : String.format(Locale.ROOT, "; now goes out %,d (called off before %,d),"
							+ " no longer %,d", comparison.nowGoesOut(rule, false), comparison.nowGoesOut(rule, true),
							comparison.noLongerGoesOut(rule))));
			if (row != null && row.warning() != null) {
				out.append("    WARNING: ").append(row.warning()).append('\n');
			}
		}
		if (comparison != null) {
			out.append("Status changes (before -> after):\n");
			comparison.transitions().forEach((t, n) -> out.append(String.format(Locale.ROOT, "  %,6d %s%n", n, t)));
		}
		return out.toString();
	}

	static void html(StringBuilder page, OrderHistory history, ReplaySummary base, ReplayComparison comparison,
			VolumeWarnings warnings) {
		DelayScore before = DelayScore.of(base.outreach(), history);
		DelayScore after = comparison == null ? null : DelayScore.of(comparison.other().outreach(), history);
		page.append(comparison == null ? "<h2 id=\"outcomes\">Did the messages go to late orders?</h2>"
				: "<h3>Is the change better?</h3>");
		if (!DelayScore.applies(history)) {
			page.append("<p class=\"muted\">").append(escape(NO_OUTCOMES)).append("</p>");
		}
		else {
			page.append("<p class=\"muted\">").append(escape(HOW)).append("</p><table><tr><th>Figure</th>")
				.append(after == null ? "<th class=\"n\">Value</th>"
						: "<th class=\"n\">Before</th><th class=\"n\">After</th><th>Verdict</th>")
				.append("</tr>");
			for (Figure f : FIGURES) {
				page.append("<tr><td>").append(escape(f.label())).append("</td><td class=\"n\">")
					.append(value(f, before)).append("</td>");
				if (after != null) {
					page.append("<td class=\"n\">").append(value(f, after)).append("</td><td>")
						.append(verdict(f, before, after)).append("</td>");
				}
				page.append("</tr>");
			}
			page.append("</table>");
		}
		RuleVolumes volumes = RuleVolumes.of(base.outreach(), history, warnings);
		RuleVolumes others = comparison == null ? null
				: RuleVolumes.of(comparison.other().outreach(), history, warnings);
		page.append(String.format(Locale.ROOT, "<h3>Volume per rule</h3><p class=\"muted\">Orders and customers a "
				+ "rule's messages reached, per 1,000 of the %,d orders and %,d customers in the events; on time: orders "
				+ "it messaged about %s that arrived by their promise (--on-time-problems), and precision the share "
				+ "of them that were late. A rule reaching more than %s %% of orders (--warn-above PERCENT), or "
				+ "messaging mostly orders that arrived on time, is flagged.</p>", history.placed(),
				history.customers(), escape(warnings.onTimeProblems().isEmpty() ? "no problem"
						: String.join(", ", new TreeSet<>(warnings.onTimeProblems()))),
				RuleVolumes.trim(warnings.percent())));
		page.append("<table><tr><th>Rule</th><th class=\"n\">Messages</th><th class=\"n\">Orders /1,000</th>"
				+ "<th class=\"n\">Customers /1,000</th><th class=\"n\">On time</th><th class=\"n\">Precision</th>");
		page.append(comparison == null ? "" : "<th class=\"n\">Now goes out</th><th class=\"n\">of it called off "
				+ "before</th><th class=\"n\">No longer</th>");
		page.append("<th>Warning</th></tr>");
		for (String rule : rules(volumes, others)) {
			RuleVolumes.Row b = volumes.row(rule);
			RuleVolumes.Row a = others == null ? b : others.row(rule);
			page.append("<tr><td>").append(escape(rule)).append("</td>")
				.append(cell(b, a, r -> r.messages(), "%,.0f")).append(cell(b, a, r -> r.ordersPer1000(), "%.1f"))
				.append(cell(b, a, r -> r.customersPer1000(), "%.1f")).append(cell(b, a, r -> r.scored() == 0 ? Double.NaN : r.onTime(), "%,.0f"))
				.append(cell(b, a, RuleVolumes.Row::precision, "%.3f"));
			if (comparison != null) {
				page.append(ReportHtml.number(comparison.nowGoesOut(rule, false)))
					.append(ReportHtml.number(comparison.nowGoesOut(rule, true)))
					.append(ReportHtml.number(comparison.noLongerGoesOut(rule)));
			}
			page.append("<td class=\"removed\">").append(a == null || a.warning() == null ? "" : escape(a.warning()))
				.append("</td></tr>");
		}
		page.append("</table>");
	}

	static void transitions(StringBuilder page, ReplayComparison comparison) {
		Map<String, Long> moves = comparison.transitions();
		page.append("<h3>Status changes</h3>");
		if (moves.isEmpty()) {
			page.append("<p class=\"muted\">No record ends in another status.</p>");
			return;
		}
		page.append("<table><tr><th>Before &rarr; after</th><th class=\"n\">Records</th></tr>");
		moves.forEach((move, n) -> page.append("<tr><td>").append(escape(move)).append("</td>")
			.append(ReportHtml.number(n)).append("</tr>"));
		page.append("</table>");
	}

	private static List<String> rules(RuleVolumes volumes, RuleVolumes others) {
		TreeSet<String> rules = new TreeSet<>();
		volumes.rows().forEach(r -> rules.add(r.rule()));
		if (others != null) {
			others.rows().forEach(r -> rules.add(r.rule()));
		}
		return new ArrayList<>(rules);
	}

	private static String per1000(RuleVolumes.Row row) {
		return row == null ? "0" : String.format(Locale.ROOT, "%.1f%s", row.ordersPer1000(),
				Double.isNaN(row.precision()) ? "" : String.format(Locale.ROOT, " (precision %.3f, on time %,d)",
						row.precision(), row.onTime()));
	}

	/** One value, or "before → after" when a comparison changed it. */
	private static String cell(RuleVolumes.Row before, RuleVolumes.Row after, ToDoubleFunction<RuleVolumes.Row> f,
			String format) {
		String b = before == null ? "-" : number(f.applyAsDouble(before), format);
		String a = after == null ? "-" : number(f.applyAsDouble(after), format);
		return "<td class=\"n\">" + (b.equals(a) ? b : b + " &rarr; <b>" + a + "</b>") + "</td>";
	}

	private static String number(double value, String format) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
	}

	private static String value(Figure f, DelayScore score) {
		return String.format(Locale.ROOT, f.format(), f.value().applyAsDouble(score));
	}

	private static String verdict(Figure f, DelayScore before, DelayScore after) {
		double b = f.value().applyAsDouble(before);
		double a = f.value().applyAsDouble(after);
		if (value(f, before).equals(value(f, after)) || f.label().startsWith("orders") || f.label().startsWith("late")) {
			return "";
		}
		return (a > b) == f.moreIsBetter() ? "<span class=\"added\">better</span>"
				: "<span class=\"removed\">worse</span>";
	}
}
