package org.forewarn.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console writes them: UTC to the minute, and durations in words ("3 h 20 min"). */
record Formats(Instant now) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	/** "in 2 h 5 min" or "5 min ago". */
	public String relative(Instant at) {
		if (at == null) {
			return "";
		}
		Duration d = Duration.between(now, at);
		return d.isNegative() ? span(d.negated()) + " ago" : "in " + span(d);
	}

	/** What is left until {@code at}, or "expired" when it has passed. */
	public String left(Instant at) {
		if (at == null) {
			return "no limit";
		}
		Duration d = Duration.between(now, at);
		return d.isNegative() ? "expired " + span(d.negated()) + " ago" : span(d) + " left";
	}

	public boolean past(Instant at) {
		return at != null && at.isBefore(now);
	}

	static String span(Duration d) {
		long minutes = d.toMinutes();
		if (minutes < 1) {
			return d.toSeconds() + " s";
		}
		if (minutes < 60) {
			return minutes + " min";
		}
		if (minutes < 48 * 60) {
			return minutes / 60 + " h " + minutes % 60 + " min";
		}
		return minutes / (24 * 60) + " days " + (minutes / 60) % 24 + " h";
	}
}
