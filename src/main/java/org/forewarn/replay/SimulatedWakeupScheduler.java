package org.forewarn.replay;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.forewarn.engine.WakeupScheduler;
import org.forewarn.rules.Wakeup;

/** Wakeups held in memory and fired by the replay in time order, between the events. */
final class SimulatedWakeupScheduler implements WakeupScheduler {

	/** A queued wakeup with its key, worked out once: the queue compares keys of wakeups due at the same time. */
	private record Queued(Wakeup wakeup, String key) {
	}

	private static final Comparator<Queued> DUE_ORDER = (a, b) -> {
		int byTime = a.wakeup().at().compareTo(b.wakeup().at());
		return byTime != 0 ? byTime : a.key().compareTo(b.key());
	};

	private final PriorityQueue<Queued> pending = new PriorityQueue<>(DUE_ORDER);
	private final Set<String> scheduled = new HashSet<>();
	/** Copies settled while queued, by key: skipped when they come up (removing from the queue is linear). */
	private final Map<String, Integer> settled = new HashMap<>();

	@Override
	public synchronized void schedule(Wakeup wakeup) {
		String key = wakeup.key();
		if (scheduled.add(key)) {
			pending.add(new Queued(wakeup, key));
		}
	}

	@Override
	public synchronized void settled(Collection<Wakeup> wakeups) {
		for (Wakeup wakeup : wakeups) {
			String key = wakeup.key();
			if (scheduled.remove(key)) {
				settled.merge(key, 1, Integer::sum);
			}
		}
	}

	/** The earliest wakeup due at or before {@code until}, removed from the queue; null when none is due. */
	synchronized Wakeup pollDue(Instant until) {
		while (true) {
			Queued next = pending.peek();
			if (next == null || next.wakeup().at().isAfter(until)) {
				return null;
			}
			pending.poll();
			Integer copies = settled.isEmpty() ? null : settled.get(next.key());
			if (copies == null) {
				scheduled.remove(next.key());
				return next.wakeup();
			}
			if (copies == 1) {
				settled.remove(next.key());
			}
			else {
				settled.put(next.key(), copies - 1);
			}
		}
	}

	synchronized void clear() {
		pending.clear();
		scheduled.clear();
		settled.clear();
	}

	synchronized int pendingCount() {
		return pending.size() - settled.values().stream().mapToInt(Integer::intValue).sum();
	}
}
