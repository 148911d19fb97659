package org.forewarn.outreach;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When one channel stays silent in a zone: a daily window {@code start-end} (it may run past midnight) and the days
 * it may go out at all. Whether a moment is allowed changes only at the window's ends and at midnight, so the next
 * or last allowed minute is found among those few boundaries rather than minute by minute.
 */
final class SilentWindow {

	private static final Duration MINUTE = Duration.ofMinutes(1);
	private static final int DAYS_SEARCHED = 9;

	private final LocalTime start;
	private final LocalTime end;
	private final Set<DayOfWeek> days;

	private SilentWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days) {
		this.start = start;
		this.end = end;
		this.days = days;
	}

	/** Silent from {@code start} to {@code end} ({@code HH:mm-HH:mm}) every day; blank: never silent. */
	static SilentWindow quiet(String setting, String hours) {
		return hours == null || hours.isBlank() ? null : parse(setting, hours, EnumSet.allOf(DayOfWeek.class), false);
	}

	/** Allowed only within {@code hours} on {@code days}: silent the rest of the time. */
	static SilentWindow openOnly(String setting, String hours, List<DayOfWeek> days) {
		Set<DayOfWeek> open = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
		return parse(setting, hours, open, true);
	}

	private static SilentWindow parse(String setting, String hours, Set<DayOfWeek> days, boolean invert) {
		String[] parts = hours.strip().split("\\s*-\\s*");
		try {
			if (parts.length != 2) {
				throw new DateTimeParseException("expected two times", hours, 0);
			}
			LocalTime from = LocalTime.parse(parts[0]);
			LocalTime to = LocalTime.parse(parts[1]);
			return invert ? new SilentWindow(to, from, days) : new SilentWindow(from, to, days);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(setting + ": '" + hours + "' is not a time range like 21:00-08:00");
		}
	}

	boolean allows(Instant moment, ZoneId zone) {
		ZonedDateTime local = moment.atZone(zone);
		return days.contains(local.getDayOfWeek()) && !inWindow(local.toLocalTime());
	}

	private boolean inWindow(LocalTime time) {
		if (start.equals(end)) {
			return false;
		}
		return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
				: !time.isBefore(start) || time.isBefore(end);
	}

	/** The first allowed moment at or after {@code moment}; null when none within a week (no open day at all). */
	Instant nextAllowed(Instant moment, ZoneId zone) {
		if (allows(moment, zone)) {
			return moment;
		}
		return boundaries(moment, zone, 0, DAYS_SEARCHED).stream()
			.filter(b -> b.isAfter(moment) && allows(b, zone))
			.findFirst().orElse(null);
	}

	/**
	 * The last allowed minute before the silent stretch that holds {@code moment} began; null when {@code moment}
	 * is allowed or no such minute lies within a week before it.
	 */
	Instant lastAllowedBefore(Instant moment, ZoneId zone) {
		if (allows(moment, zone)) {
			return null;
		}
		List<Instant> earlier = boundaries(moment, zone, -DAYS_SEARCHED, 1);
		earlier.sort(Comparator.reverseOrder());
		return earlier.stream()
			.filter(b -> !b.isAfter(moment) && allows(b.minus(MINUTE), zone))
			.map(b -> b.minus(MINUTE))
			.findFirst().orElse(null);
	}

	/** Midnight and both window ends of each day around {@code moment}, in time order. */
	private List<Instant> boundaries(Instant moment, ZoneId zone, int fromDay, int toDay) {
		LocalDate day = moment.atZone(zone).toLocalDate();
		List<Instant> found = new ArrayList<>();
		for (int i = fromDay; i <= toDay; i++) {
			LocalDate d = day.plusDays(i);
			for (LocalTime time : List.of(LocalTime.MIDNIGHT, start, end)) {
				found.add(ZonedDateTime.of(d, time, zone).toInstant());
			}
		}
		found.sort(Comparator.naturalOrder());
		return found;
	}

	@Override
	public String toString() {
		return "silent " + start + "-" + end + (days.size() == 7 ? "" : ", open on " + days);
	}
}
