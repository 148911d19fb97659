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
}
