package org.forewarn.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RFC 3339 asks of a time beyond what {@link java.time.OffsetDateTime#parse} takes (ISO 8601): the seconds, and
 * an offset of hours and minutes, {@code Z} or {@code +HH:MM}. Intake holds the times it is sent to this; a stored
 * event is read back as before, so one accepted before the check keeps its place.
 */
final class Rfc3339 {

	/** Date, time with seconds and an optional fraction: what must come before the offset. */
	private static final Pattern DATE_AND_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
	private static final Pattern WITHOUT_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}([Zz+-].*)?");
	private static final Pattern OFFSET = Pattern.compile("[Zz]|[+-]\\d{2}:\\d{2}");

	private Rfc3339() {
	}

	/**
	 * What keeps {@code text} from being an RFC 3339 time with offset, for a reason; null when its shape is right
	 * (its values are checked when it is read).
	 */
	static String problem(String text) {
		if (usual(text)) {
			return null;
		}
		Matcher dateAndTime = DATE_AND_TIME.matcher(text);
		if (!dateAndTime.lookingAt()) {
			return WITHOUT_SECONDS.matcher(text).matches() ? "the seconds are missing (hh:mm:ss)" : null;
		}
		String offset = text.substring(dateAndTime.end());
		if (offset.isEmpty()) {
			return "the offset is missing (Z or +hh:mm)";
		}
		return OFFSET.matcher(offset).matches() ? null
				: "the offset '" + offset + "' is not Z or +hh:mm / -hh:mm (hours and minutes, nothing else)";
	}

	/**
	 * Whether {@code text} has the shape nearly every time has, {@code 2026-03-05T10:00:00Z} or with a fraction or an
	 * offset {@code +hh:mm}, checked without a regular expression: every event carries a time or more.
	 */
	private static boolean usual(String text) {
		int length = text.length();
		if (length < 20 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-'
				|| !digits(text, 8, 10) || text.charAt(10) != 'T' || !digits(text, 11, 13) || text.charAt(13) != ':'
				|| !digits(text, 14, 16) || text.charAt(16) != ':' || !digits(text, 17, 19)) {
			return false;
		}
		int at = 19;
		if (text.charAt(at) == '.') {
			int fraction = ++at;
			while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
				at++;
			}
			if (at == fraction) {
				return false;
			}
		}
		return at == length - 1 && text.charAt(at) == 'Z' || at == length - 6 && (text.charAt(at) == '+'
				|| text.charAt(at) == '-') && digits(text, at + 1, at + 3) && text.charAt(at + 3) == ':'
				&& digits(text, at + 4, at + 6);
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}
}
