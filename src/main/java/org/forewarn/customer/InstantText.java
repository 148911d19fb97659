package org.forewarn.customer;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an instant of a stored state as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in groups of
 * three digits as needed) without going through a {@code DateTimeFormatter}: a state holds many instants and is
 * written on every event, and the formatter took about 40% of writing it. Years outside 0000 to 9999 are left to it.
 */
final class InstantText extends StdSerializer<Instant> {

	private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
	private static final long END = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
	private static final int SECONDS_A_DAY = 86_400;

	InstantText() {
		super(Instant.class);
	}

	@Override
	public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
		long seconds = value.getEpochSecond();
		if (seconds < FIRST || seconds >= END) {
			gen.writeString(value.toString());
			return;
		}
		char[] text = new char[30];
		int length = format(seconds, value.getNano(), text);
		gen.writeString(text, 0, length);
	}

	/** Writes the instant into {@code text}; answers how many characters it took. */
	private static int format(long seconds, int nanos, char[] text) {
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_A_DAY));
		int time = (int) Math.floorMod(seconds, SECONDS_A_DAY);
		int at = digits(text, 0, date.getYear(), 4);
		text[at++] = '-';
		at = digits(text, at, date.getMonthValue(), 2);
		text[at++] = '-';
		at = digits(text, at, date.getDayOfMonth(), 2);
		text[at++] = 'T';
		at = digits(text, at, time / 3600, 2);
		text[at++] = ':';
		at = digits(text, at, time / 60 % 60, 2);
		text[at++] = ':';
		at = digits(text, at, time % 60, 2);
		if (nanos != 0) {
			text[at++] = '.';
			if (nanos % 1_000_000 == 0) {
				at = digits(text, at, nanos / 1_000_000, 3);
			}
			else if (nanos % 1000 == 0) {
				at = digits(text, at, nanos / 1000, 6);
			}
			else {
				at = digits(text, at, nanos, 9);
			}
		}
		text[at++] = 'Z';
		return at;
	}

	private static int digits(char[] text, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
		return at + width;
	}
}
