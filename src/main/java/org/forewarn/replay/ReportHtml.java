package org.forewarn.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.forewarn.outreach.OutreachStatus;

import static org.forewarn.replay.HtmlText.escape;

/**
 * The backtest report: one self-contained HTML page (inline CSS and SVG, nothing fetched) showing what the rules
 * did over the replayed events, and with {@code --compare} what the other rules would change.
 */
final class ReportHtml {

	static final String FILE = "report.html";

	private static final String STYLE = """
			body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330;margin:2rem auto;max-width:1000px;padding:0 1rem}
			h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #dde2ea;padding-bottom:.3rem}
			.muted{color:#6b7385}.flag{background:#fdecea;border-left:4px solid #c62828;padding:.5rem .8rem}.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1.2rem 0}
			.card{background:#f3f6fa;border-radius:8px;padding:.6rem 1rem;min-width:8rem}.card b{display:block;font-size:1.5rem}
			table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}th,td{padding:.3rem .5rem;text-align:left;border-bottom:1px solid #e6e9ef}
			th{background:#f3f6fa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
			.grid{stroke:#e1e5ec}.axis{font-size:11px;fill:#6b7385}.value{font-size:11px;fill:#1d2330}
			.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
			code{font-size:.85em}.added{color:#1e7e34}.removed{color:#b02a37}.changed{color:#8a5a00}
			""";

	private ReportHtml() {
	}

	static String render(Path events, ReplaySummary replay, ReplayComparison comparison, OrderHistory history,
			VolumeWarnings warnings) {
		ReportFigures figures = ReportFigures.of(replay);
		StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>Forewarn backtest</title><style>" + STYLE + "</style></head><body>");
		page.append("<h1>Backtest of ").append(escape(events.getFileName())).append("</h1><p class=\"muted\">Rules ")
			.append(escape(replay.rules())).append(" (version ").append(escape(replay.ruleVersion())).append(") &middot; ")
			.append(String.format(Locale.ROOT, "%,d lines in %.1f s", replay.lines(), replay.seconds()))
			.append(" &middot; event time ").append(day(replay.startedAt())).append(" to ").append(day(replay.reachedTime()))
			.append("</p>");
		ReplaySummary.Counts counts = replay.counts();
		if (counts.rejected + counts.failed > 0) {
			// the figures below leave these lines out: a backtest that lost part of its input must say so
			page.append(String.format(Locale.ROOT, "<p class=\"flag\">%,d of %,d lines were not replayed (rejected "
					+ "%,d, failed %,d): the figures below leave them out; summary.txt and the replay's output name "
					+ "each line</p>", counts.rejected + counts.failed, replay.lines(), counts.rejected, counts.failed));
		}
		cards(page, replay, figures);
		rules(page, figures);
		channels(page, figures);
		page.append("<h2>Outreach decided per day</h2>");
		legend(page, new ArrayList<>(figures.channels()));
		page.append(SvgCharts.perDay(figures.perDay(), new ArrayList<>(figures.channels())));
		leadTimes(page, figures);
		FiguresSection.html(page, history, replay, null, warnings);
		if (replay.outcomes() != null) {
			OutcomeSection.html(page, replay.outcomes());
		}
		if (comparison != null) {
			ComparisonHtml.append(page, comparison, history, warnings);
		}
		return page.append("</body></html>").toString();
	}

	private static void cards(StringBuilder page, ReplaySummary replay, ReportFigures figures) {
		long wentOut = figures.rules().stream().mapToLong(ReportFigures.RuleRow::wentOut).sum();
		long cancelled = figures.rules().stream().mapToLong(ReportFigures.RuleRow::cancelled).sum();
		long suppressed = figures.rules().stream().mapToLong(ReportFigures.RuleRow::suppressed).sum();
		long waiting = figures.rules().stream().mapToLong(ReportFigures.RuleRow::waiting).sum();
		page.append("<div class=\"cards\">");
		card(page, "outreach decided", replay.outreach().size());
		card(page, "went out (sent or task opened)", wentOut);
		card(page, "called off before sending", cancelled);
		card(page, "suppressed (consent, contact)", suppressed);
		card(page, "still waiting at the end", waiting);
		card(page, "lines read", replay.lines());
		card(page, "events accepted", replay.counts().accepted);
		card(page, "duplicates", replay.counts().duplicates);
		card(page, "lines rejected", replay.counts().rejected);
		card(page, "lines failed", replay.counts().failed);
		card(page, "timers fired", replay.timersFired());
		page.append("</div>");
	}

	static void card(StringBuilder page, String label, long value) {
		page.append(String.format(Locale.ROOT, "<div class=\"card\"><b>%,d</b>%s</div>", value, escape(label)));
	}

	private static void rules(StringBuilder page, ReportFigures figures) {
		page.append("<h2>What each rule found</h2><p class=\"muted\">Detections count each customer and order once "
				+ "per rule; outreach is what the rule asked for, by what became of it.</p><table><tr><th>Rule</th>"
				+ "<th>Problem</th><th class=\"n\">Detections</th><th class=\"n\">Outreach</th><th class=\"n\">Went out"
				+ "</th><th class=\"n\">Waiting</th><th class=\"n\">Cancelled</th><th class=\"n\">Suppressed</th>"
				+ "<th class=\"n\">Failed</th></tr>");
		for (ReportFigures.RuleRow r : figures.rules()) {
			page.append("<tr><td>").append(escape(r.rule())).append("</td><td>").append(escape(r.problem()))
				.append("</td>");
			for (long n : new long[] { r.detections(), r.outreach(), r.wentOut(), r.waiting(), r.cancelled(),
					r.suppressed(), r.failed() }) {
				page.append(number(n));
			}
			page.append("</tr>");
		}
		page.append("</table>");
	}

	private static void channels(StringBuilder page, ReportFigures figures) {
		page.append("<h2>Outreach by channel and status</h2><table><tr><th>Channel</th>");
		for (OutreachStatus status : figures.statuses()) {
			page.append("<th class=\"n\">").append(status).append("</th>");
		}
		page.append("<th class=\"n\">Total</th></tr>");
		for (Map.Entry<String, Map<OutreachStatus, Long>> channel : figures.channelStatus().entrySet()) {
			page.append("<tr><td>").append(escape(channel.getKey())).append("</td>");
			for (OutreachStatus status : figures.statuses()) {
				page.append(number(channel.getValue().getOrDefault(status, 0L)));
			}
			page.append(number(channel.getValue().values().stream().mapToLong(Long::longValue).sum())).append("</tr>");
		}
		page.append("</table>");
	}

	private static void leadTimes(StringBuilder page, ReportFigures figures) {
		page.append("<h2>Lead time before the promised date</h2><p class=\"muted\">For outreach about an order with a "
				+ "promised date that went out: how long before that date it went out.</p>");
		if (figures.leadHoursByProblem().isEmpty()) {
			page.append("<p class=\"muted\">No outreach about an order with a promised date went out.</p>");
			return;
		}
		figures.leadHoursByProblem().forEach((problem, hours) -> {
			double median = ReportFigures.median(hours);
			page.append("<h3>").append(escape(problem)).append(String.format(Locale.ROOT,
					"</h3><p>%,d went out; median %.1f hours (%.1f days) before the promised date</p>", hours.size(),
					median, median / 24));
			page.append(SvgCharts.columns(ReportFigures.LEAD_LABELS, ReportFigures.bucket(hours)));
		});
	}

	static void legend(StringBuilder page, List<String> series) {
		page.append("<p class=\"legend\">");
		for (int i = 0; i < series.size(); i++) {
			page.append("<span><i style=\"background:").append(SvgCharts.COLOURS[i % SvgCharts.COLOURS.length])
				.append("\"></i>").append(escape(series.get(i))).append("</span>");
		}
		page.append("</p>");
	}

	static String number(long n) {
		return String.format(Locale.ROOT, "<td class=\"n\">%,d</td>", n);
	}

	static String day(Instant moment) {
		return moment == null ? "-" : moment.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
	}
}
