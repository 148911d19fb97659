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

	private final PriorityQueue<Wakeup> pending = new PriorityQueue<>(
			Comparator.comparing(Wakeup::at).thenComparing(Wakeup::key));
	private final Set<String> scheduled = new HashSet<>();
	/** Copies settled while queued, by key: skipped when they come up (removing from the queue is linear). */
	private final Map<String, Integer> settled = new HashMap<>();

	@Override
	public synchronized void schedule(Wakeup wakeup) {
		if (scheduled.add(wakeup.key())) {
			pending.add(wakeup);
		}
	}

	@Override
	public synchronized void settled(Collection<Wakeup> wakeups) {
		for (Wakeup wakeup : wakeups) {
			if (scheduled.remove(wakeup.key())) {
				settled.merge(wakeup.key(), 1, Integer::sum);
			}
		}
	}

	/** The earliest wakeup due at or before {@code until}, removed from the queue; null when none is due. */
	synchronized Wakeup pollDue(Instant until) {
		while (true) {
			Wakeup next = pending.peek();
			if (next == null || next.at().isAfter(until)) {
				return null;
			}
			pending.poll();
			Integer copies = settled.get(next.key());
			if (copies == null) {
				scheduled.remove(next.key());
				return next;
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
