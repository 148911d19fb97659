package org.forewarn.customer;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * How a fact takes an event that may arrive after later ones: by the event's own time, so an older one arriving late
 * never undoes what a newer one said.
 */
final class EventTimes {

	private EventTimes() {
	}

	/** Whether an event at {@code at} is older than what {@code known} was told at: then it changes nothing. */
	static boolean older(Instant at, Instant known) {
		return known != null && at.isBefore(known);
	}

	/** The later of a known time (null when none) and {@code at}. */
	static Instant newest(Instant known, Instant at) {
		return known != null && known.isAfter(at) ? known : at;
	}

	/** Adds {@code item} at its place by time, and drops the oldest beyond {@code kept}. */
	static <T> void addInTimeOrder(List<T> items, T item, Function<T, Instant> time, int kept) {
		Instant at = time.apply(item);
		int position = items.size();
		while (position > 0 && time.apply(items.get(position - 1)).isAfter(at)) {
			position--;
		}
		items.add(position, item);
		if (items.size() > kept) {
			items.remove(0);
		}
	}
}
