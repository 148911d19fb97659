package org.forewarn.engine;

import org.forewarn.rules.Wakeup;

/** Persists "evaluate this customer again at T"; asking twice for the same wakeup schedules it once. */
public interface WakeupScheduler {

	void schedule(Wakeup wakeup);
}
