package org.forewarn.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

import org.forewarn.channel.TemplateCheck;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.TaskQueue;

/** Query parameters of the console's filters: blank means "any"; a bad value is an error naming the field. */
final class Params {

	private Params() {
	}

	/** A filter's value that cannot be read; the page shows the message and no results. */
	static final class BadFilter extends RuntimeException {

		BadFilter(String message) {
			super(message);
		}
	}

	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static int page(Integer page) {
		return page == null || page < 0 ? 0 : Math.min(page, 100_000);
	}

	/** As the API: any case matches, an unknown channel is refused rather than matching nothing. */
	static String channel(String value) {
		String v = text(value);
		if (v == null) {
			return null;
		}
		String channel = v.toLowerCase(Locale.ROOT);
		if (!TemplateCheck.CHANNELS.contains(channel)) {
			throw new BadFilter("channel: unknown channel '" + v + "'; one of " + new TreeSet<>(TemplateCheck.CHANNELS));
		}
		return channel;
	}

	static OutreachStatus status(String value) {
		String v = text(value);
		if (v == null) {
			return null;
		}
		try {
			return OutreachStatus.valueOf(v.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadFilter("status: unknown status '" + v + "'; one of " + Arrays.toString(OutreachStatus.values()));
		}
	}

	/** "24h" or "3d": older than that. */
	static Duration age(String value) {
		try {
			return TaskQueue.age(value);
		}
		catch (IllegalArgumentException e) {
			throw new BadFilter(e.getMessage());
		}
	}

	/** A day (yyyy-MM-dd, UTC); {@code end} gives the start of the following day, so "to" includes its day. */
	static Instant day(String field, String value, boolean end) {
		String v = text(value);
		if (v == null) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(v);
			if (day.getYear() < 1900 || day.getYear() > 2199) {
				throw new BadFilter(field + ": '" + v + "' is outside the years 1900-2199");
			}
			return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new BadFilter(field + ": '" + v + "' is not a date such as 2026-03-01");
		}
	}
}
