package org.forewarn.replay;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

import org.forewarn.engine.WakeupScheduler;
import org.forewarn.rules.Wakeup;

/** Wakeups held in memory and fired by the replay in time order, between the events. */
final class SimulatedWakeupScheduler implements WakeupScheduler {

	private final PriorityQueue<Wakeup> pending = new PriorityQueue<>(
			Comparator.comparing(Wakeup::at).thenComparing(Wakeup::key));
	private final Set<String> scheduled = new HashSet<>();

	@Override
	public synchronized void schedule(Wakeup wakeup) {
		if (scheduled.add(wakeup.key())) {
			pending.add(wakeup);
		}
	}

	/** The earliest wakeup due at or before {@code until}, removed from the queue; null when none is due. */
	synchronized Wakeup pollDue(Instant until) {
		Wakeup next = pending.peek();
		if (next == null || next.at().isAfter(until)) {
			return null;
		}
		scheduled.remove(next.key());
		return pending.poll();
	}

	synchronized void clear() {
		pending.clear();
		scheduled.clear();
	}

	synchronized int pendingCount() {
		return pending.size();
	}
}
