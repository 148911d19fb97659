package org.forewarn.replay;

import static org.forewarn.replay.HtmlText.escape;

import java.util.Locale;

import org.forewarn.outcome.Lift;
import org.forewarn.outcome.OutcomeReport;

/**
 * The holdout part of the backtest: outcomes after outreach, contacted against held out, per rule and problem, as
 * text for summary.txt and as a section of report.html. A replay sends nothing, so it says the difference is no
 * evidence there.
 */
final class OutcomeSection {

	static final String NOT_EVIDENCE = "In a replay of history nothing was really sent: both groups were in fact "
			+ "treated alike, so a difference here is not evidence that outreach works. It shows which customers the "
			+ "groups hold and how the figures will read live.";

	private OutcomeSection() {
	}

	static String text(OutcomeReport.Report report) {
		StringBuilder out = new StringBuilder("Outcomes after outreach, contacted against held out (window ")
			.append(report.windowInWords()).append("):\n  ").append(NOT_EVIDENCE).append('\n');
		if (report.lifts().isEmpty()) {
			return out.append("  no outreach went out or was held out\n").toString();
		}
		for (Lift lift : report.lifts()) {
			out.append(String.format(Locale.ROOT, "  %s (%s): contacted %,d, held out %,d%s%n", lift.rule(),
					lift.problem(), lift.contacted(), lift.heldOut(), lift.note() == null ? "" : "; " + lift.note()
							+ (lift.daysToEnoughData() == null ? "" : ", about " + lift.daysToEnoughData()
									+ " days at this volume")));
			for (Lift.Rate r : lift.outcomes()) {
				out.append(String.format(Locale.ROOT, "    %-24s %6.1f%% vs %6.1f%%, difference %+.1f points "
						+ "(95%% %+.1f to %+.1f): %s%n", r.outcome(), 100 * r.contactedRate(), 100 * r.heldOutRate(),
						100 * r.difference(), 100 * r.low(), 100 * r.high(), r.verdict()));
			}
		}
		return out.append("  ").append(report.method()).append('\n').toString();
	}

	static void html(StringBuilder page, OutcomeReport.Report report) {
		page.append("<h2 id=\"holdout\">Outcomes: contacted against held out</h2><p><b>")
			.append(escape(NOT_EVIDENCE)).append("</b></p><p class=\"muted\">An outcome counts for the customer's "
					+ "first outreach, sent or held out, decided at most ")
			.append(escape(report.windowInWords())).append(" before it. ").append(escape(report.method()))
			.append(". Below ").append(report.minPerGroup()).append(" customers in a group: not enough data yet.</p>");
		if (report.lifts().isEmpty()) {
			page.append("<p class=\"muted\">No outreach went out or was held out.</p>");
			return;
		}
		for (Lift lift : report.lifts()) {
			page.append("<h3>").append(escape(lift.rule())).append(" <span class=\"muted\">(")
				.append(escape(lift.problem())).append(")</span></h3><p>")
				.append(String.format(Locale.ROOT, "contacted %,d, held out %,d", lift.contacted(), lift.heldOut()));
			if (lift.note() != null) {
				page.append("; ").append(escape(lift.note()));
				if (lift.daysToEnoughData() != null) {
					page.append(String.format(Locale.ROOT, ", about %.1f days at this volume",
							lift.daysToEnoughData()));
				}
			}
			page.append("</p>");
			if (lift.outcomes().isEmpty()) {
				continue;
			}
			page.append("<table><tr><th>Outcome</th><th class=\"n\">Contacted</th><th class=\"n\">Held out</th>"
					+ "<th class=\"n\">Difference</th><th class=\"n\">95 % interval</th><th>Shows</th></tr>");
			for (Lift.Rate r : lift.outcomes()) {
				page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"n\">%.1f %% (%,d)</td>"
						+ "<td class=\"n\">%.1f %% (%,d)</td><td class=\"n\">%+.1f</td><td class=\"n\">%+.1f to %+.1f</td>"
						+ "<td>%s</td></tr>", escape(r.outcome()), 100 * r.contactedRate(), r.contactedWith(),
						100 * r.heldOutRate(), r.heldOutWith(), 100 * r.difference(), 100 * r.low(), 100 * r.high(),
						escape(r.verdict())));
			}
			page.append("</table>");
		}
	}
}
