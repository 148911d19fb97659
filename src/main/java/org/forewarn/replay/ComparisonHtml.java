package org.forewarn.replay;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.forewarn.outreach.Outreach;

import static org.forewarn.replay.HtmlText.escape;

/** The report's comparison: what replaying the same events with the other rules adds, removes and changes. */
final class ComparisonHtml {

	static final int SHOWN = 50;

	private ComparisonHtml() {
	}

	static void append(StringBuilder page, ReplayComparison c, OrderHistory history, VolumeWarnings warnings) {
		page.append("<h2>What the other rules change</h2><p>Same events, rules <b>").append(escape(c.other().rules()))
			.append("</b> (version ").append(escape(c.other().ruleVersion())).append(") instead of <b>")
			.append(escape(c.base().rules())).append("</b> (version ").append(escape(c.base().ruleVersion()))
			.append("). Records are matched by customer, problem, order and rule id.</p><div class=\"cards\">");
		ReportHtml.card(page, "outreach added", c.count(ReplayComparison.Kind.ADDED));
		ReportHtml.card(page, "outreach removed", c.count(ReplayComparison.Kind.REMOVED));
		ReportHtml.card(page, "decided differently", c.count(ReplayComparison.Kind.CHANGED));
		ReportHtml.card(page, "outreach before", c.base().outreach().size());
		ReportHtml.card(page, "outreach after", c.other().outreach().size());
		page.append("</div>");
		FiguresSection.html(page, history, c.base(), c, warnings);
		FiguresSection.transitions(page, c);
		perProblem(page, c);
		perRule(page, c);
		for (ReplayComparison.Kind kind : ReplayComparison.Kind.values()) {
			samples(page, c, kind);
		}
	}

	private static void perProblem(StringBuilder page, ReplayComparison c) {
		Map<String, Long> before = count(c.base().outreach(), Outreach::problem);
		Map<String, Long> after = count(c.other().outreach(), Outreach::problem);
		Map<String, Long> wentBefore = count(wentOut(c.base().outreach()), Outreach::problem);
		Map<String, Long> wentAfter = count(wentOut(c.other().outreach()), Outreach::problem);
		TreeMap<String, Long> problems = new TreeMap<>(before);
		after.keySet().forEach(p -> problems.putIfAbsent(p, 0L));
		page.append("<h3>Per problem</h3><table><tr><th>Problem</th><th class=\"n\">Outreach before</th>"
				+ "<th class=\"n\">after</th><th class=\"n\">change</th><th class=\"n\">Went out before</th>"
				+ "<th class=\"n\">after</th></tr>");
		for (String p : problems.keySet()) {
			long b = before.getOrDefault(p, 0L);
			long a = after.getOrDefault(p, 0L);
			page.append("<tr><td>").append(escape(p)).append("</td>").append(ReportHtml.number(b))
				.append(ReportHtml.number(a)).append(String.format("<td class=\"n %s\">%+,d</td>",
						a > b ? "added" : a < b ? "removed" : "", a - b))
				.append(ReportHtml.number(wentBefore.getOrDefault(p, 0L)))
				.append(ReportHtml.number(wentAfter.getOrDefault(p, 0L))).append("</tr>");
		}
		page.append("</table>");
	}

	private static void perRule(StringBuilder page, ReplayComparison c) {
		Map<String, long[]> rules = new TreeMap<>();
		for (ReplayComparison.Change change : c.changes()) {
			rules.computeIfAbsent(change.either().rule(), r -> new long[3])[change.kind().ordinal()]++;
		}
		page.append("<h3>Per rule</h3>");
		if (rules.isEmpty()) {
			page.append("<p class=\"muted\">No differences: both rule folders decide the same outreach.</p>");
			return;
		}
		page.append("<table><tr><th>Rule</th><th class=\"n\">Added</th><th class=\"n\">Removed</th>"
				+ "<th class=\"n\">Changed</th></tr>");
		rules.forEach((rule, n) -> page.append("<tr><td>").append(escape(rule)).append("</td>")
			.append(ReportHtml.number(n[0])).append(ReportHtml.number(n[1])).append(ReportHtml.number(n[2]))
			.append("</tr>"));
		page.append("</table>");
	}

	private static void samples(StringBuilder page, ReplayComparison c, ReplayComparison.Kind kind) {
		List<ReplayComparison.Change> changes = c.byInterest(kind);
		if (changes.isEmpty()) {
			return;
		}
		String title = kind.name().toLowerCase();
		page.append("<h3 class=\"").append(title).append("\">").append(Character.toUpperCase(title.charAt(0)))
			.append(title.substring(1)).append(" (").append(changes.size()).append(")</h3>");
		if (changes.size() > SHOWN) {
			page.append(String.format(Locale.ROOT, "<p class=\"muted\">The %d most telling first (a message that "
					+ "now goes out or no longer does, then other status changes, channel or template, send time); "
					+ "%,d more left out here, all of them in %s and counted above.</p>", SHOWN,
					changes.size() - SHOWN, ReplayOutput.CHANGES_FILE));
		}
		page.append("<table><tr><th>Customer</th><th>Order</th><th>Problem</th>"
					+ "<th>Rule</th><th>Channel / template</th><th>Status</th><th>Send at</th></tr>");
		for (ReplayComparison.Change change : changes.subList(0, Math.min(SHOWN, changes.size()))) {
			Outreach o = change.either();
			page.append("<tr><td>").append(id(o.customerId())).append("</td><td>").append(id(o.orderId()))
				.append("</td><td>").append(escape(o.problem()))
				.append("</td><td>").append(escape(o.rule())).append("</td><td>")
				.append(both(change, x -> x.channel() + " / " + x.template())).append("</td><td>")
				.append(both(change, x -> x.status().name())).append("</td><td>")
				.append(both(change, x -> x.sendAt().toString())).append("</td></tr>");
		}
		page.append("</table>");
	}

	/** Long ids shortened for reading; the full id shows on hover and is in changes.jsonl. */
	private static String id(String id) {
		if (id == null) {
			return "";
		}
		return id.length() <= 12 ? "<code>" + escape(id) + "</code>"
				: "<code title=\"" + escape(id) + "\">" + escape(id.substring(0, 10)) + "&hellip;</code>";
	}

	/** One value, or "before → after" when a changed record differs in it. */
	private static String both(ReplayComparison.Change change, Function<Outreach, String> field) {
		if (change.before() == null || change.after() == null
				|| field.apply(change.before()).equals(field.apply(change.after()))) {
			return escape(field.apply(change.either()));
		}
		return escape(field.apply(change.before())) + " &rarr; <b>" + escape(field.apply(change.after())) + "</b>";
	}

	private static List<Outreach> wentOut(List<Outreach> records) {
		return records.stream().filter(o -> ReportFigures.WENT_OUT.contains(o.status())).toList();
	}

	private static Map<String, Long> count(List<Outreach> records, Function<Outreach, String> key) {
		return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
	}
}
