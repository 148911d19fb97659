package org.forewarn.engine;

import java.util.Collection;

import org.forewarn.rules.Wakeup;

/** Persists "evaluate this customer again at T"; asking twice for the same wakeup schedules it once. */
public interface WakeupScheduler {

	void schedule(Wakeup wakeup);

	/**
	 * The customer's lane has just done what these wakeups were for (they dispatch work that was due at once, and it
	 * has been dispatched): those still waiting need not fire. One already on its way fires and finds nothing to do.
	 */
	void settled(Collection<Wakeup> wakeups);
}
