package org.forewarn.replay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** Small inline SVG charts for the report: no scripts, no external files, readable when printed. */
final class SvgCharts {

	static final String[] COLOURS = { "#2f6fb0", "#e0803a", "#3a9e5c", "#9b59b6", "#c0392b", "#7f8c8d" };
	private static final int WIDTH = 900;
	private static final int HEIGHT = 220;
	private static final int LEFT = 44;
	private static final int BOTTOM = 24;

	private SvgCharts() {
	}

	/** Stacked columns per day (every day between the first and the last, empty days included). */
	static String perDay(SortedMap<LocalDate, Map<String, Long>> days, List<String> series) {
		if (days.isEmpty()) {
			return "<p class=\"muted\">No outreach was decided.</p>";
		}
		LocalDate first = days.firstKey();
		int count = (int) ChronoUnit.DAYS.between(first, days.lastKey()) + 1;
		long max = days.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum())
			.max().orElse(1);
		double plot = WIDTH - LEFT - 6;
		double step = plot / count;
		StringBuilder svg = open(max);
		for (int d = 0; d < count; d++) {
			LocalDate day = first.plusDays(d);
			Map<String, Long> values = days.getOrDefault(day, Map.of());
			double y = HEIGHT - BOTTOM;
			for (int s = 0; s < series.size(); s++) {
				long v = values.getOrDefault(series.get(s), 0L);
				if (v == 0) {
					continue;
				}
				double h = (HEIGHT - BOTTOM - 10) * (double) v / max;
				y -= h;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
						LEFT + d * step, y, Math.max(step * 0.85, 0.6), h, COLOURS[s % COLOURS.length], day,
						HtmlText.escape(series.get(s)), v));
			}
		}
		int labels = Math.min(count, 8);
		for (int i = 0; i < labels; i++) {
			int d = labels == 1 ? 0 : (int) Math.round(i * (count - 1) / (double) (labels - 1));
			String anchor = i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"%s\">%s</text>",
					i == labels - 1 ? LEFT + count * step : LEFT + (d + 0.5) * step, HEIGHT - 6, anchor,
					first.plusDays(d)));
		}
		return svg.append("</svg>").toString();
	}

	/** One column per bucket, labelled below, with its count above. */
	static String columns(String[] labels, long[] counts) {
		long max = 1;
		for (long c : counts) {
			max = Math.max(max, c);
		}
		double plot = WIDTH - LEFT - 6;
		double step = plot / labels.length;
		StringBuilder svg = open(max);
		for (int i = 0; i < labels.length; i++) {
			double h = (HEIGHT - BOTTOM - 10) * (double) counts[i] / max;
			double x = LEFT + i * step;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>"
							+ "<text x=\"%.1f\" y=\"%.1f\" class=\"value\" text-anchor=\"middle\">%d</text>"
							+ "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
					x + step * 0.1, HEIGHT - BOTTOM - h, step * 0.8, h, i == 0 ? COLOURS[4] : COLOURS[0],
					x + step / 2, HEIGHT - BOTTOM - h - 4, counts[i], x + step / 2, HEIGHT - 6,
					HtmlText.escape(labels[i])));
		}
		return svg.append("</svg>").toString();
	}

	/** The frame: a horizontal grid with the y values at 0, half and the maximum. */
	private static StringBuilder open(long max) {
		StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
				"<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">", WIDTH,
				HEIGHT));
		for (long v : new long[] { 0, max / 2, max }) {
			double y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - 10) * (double) v / Math.max(max, 1);
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
					+ "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%d</text>", LEFT, WIDTH, y, y,
					LEFT - 4, y + 4, v));
		}
		return svg;
	}
}
