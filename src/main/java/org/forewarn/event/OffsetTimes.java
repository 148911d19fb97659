package org.forewarn.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an RFC 3339 time with offset exactly as {@link OffsetDateTime#parse(CharSequence)} does, faster for the shape
 * events nearly always carry ({@code 2017-10-02T10:56:33Z}, {@code 2017-10-02T10:56:33.120-03:00}): the general
 * parser took about a third of the time of reading an event. Any other text, and any value out of range, is left
 * to the general parser, which accepts or rejects it as before; a leap second, which it rejects, is read as the
 * second before it. Intake also holds the text to RFC 3339's shape ({@link Rfc3339}).
 */
public final class OffsetTimes {

	private static final int[] TENS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	private OffsetTimes() {
	}

	/**
	 * As {@link OffsetDateTime#parse(CharSequence)}, throwing its {@code DateTimeParseException} for what it rejects,
	 * but for a leap second.
	 */
	public static OffsetDateTime parse(String text) {
		OffsetDateTime quick = quick(text);
		if (quick != null) {
			return quick;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			OffsetDateTime leap = leapSecond(text);
			if (leap == null) {
				throw e;
			}
			return leap;
		}
	}

	/**
	 * RFC 3339 has leap seconds, 23:59:60 in UTC ({@code 2016-12-31T23:59:60Z}, {@code 2016-12-31T20:59:60-03:00});
	 * java.time has none, so one is read as the second before it. Null when {@code text} is no leap second.
	 */
	private static OffsetDateTime leapSecond(String text) {
		if (text.length() < 20 || !text.startsWith(":60", 16)) {
			return null;
		}
		try {
			OffsetDateTime before = OffsetDateTime.parse(text.substring(0, 17) + "59" + text.substring(19));
			OffsetDateTime utc = before.withOffsetSameInstant(ZoneOffset.UTC);
			return utc.getHour() == 23 && utc.getMinute() == 59 ? before : null;
		}
		catch (DateTimeParseException notEvenSo) {
			return null;
		}
	}

	/** The time when {@code text} has the common shape and its fields are in range; else null. */
	private static OffsetDateTime quick(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		int at = 19;
		int nanos = 0;
		if (text.charAt(at) == '.') {
			int first = ++at;
			while (at < length && at - first < 10 && isDigit(text.charAt(at))) {
				at++;
			}
			int count = at - first;
			if (count == 0 || count > 9) {
				return null;
			}
			nanos = digits(text, first, count) * TENS[9 - count];
		}
		ZoneOffset offset = offset(text, at);
		if ((year | month | day | hour | minute | second | nanos) < 0 || offset == null) {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
		}
		catch (DateTimeException outOfRange) {
			return null;
		}
	}

	/** {@code Z} or {@code +HH:MM} / {@code -HH:MM} ending the text at {@code at}; else null. */
	private static ZoneOffset offset(String text, int at) {
		int rest = text.length() - at;
		if (rest == 1 && text.charAt(at) == 'Z') {
			return ZoneOffset.UTC;
		}
		char sign = rest == 6 ? text.charAt(at) : ' ';
		if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
			return null;
		}
		int hours = digits(text, at + 1, 2);
		int minutes = digits(text, at + 4, 2);
		if (hours < 0 || minutes < 0) {
			return null;
		}
		try {
			return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		catch (DateTimeException outOfRange) {
			return null;
		}
	}

	/** The number the {@code count} ASCII digits from {@code from} make; -1 when one is not a digit. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
