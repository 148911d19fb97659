package org.forewarn.engine;

import java.util.List;

import org.forewarn.brake.PauseLifted;
import org.forewarn.outreach.OverdueWork;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a pause is lifted, the outreach it held back is dispatched again at once, as soon as every instance has read
 * the pauses again. Should this fail (the database away for a moment), the overdue sweep finds that outreach later:
 * it only skips outreach a pause still holds.
 */
@Component
class PauseRelease {

	private static final Logger log = LoggerFactory.getLogger(PauseRelease.class);

	private final OverdueWork overdue;
	private final WakeupScheduler scheduler;

	PauseRelease(OverdueWork overdue, WakeupScheduler scheduler) {
		this.overdue = overdue;
		this.scheduler = scheduler;
	}

	@EventListener
	void lifted(PauseLifted lifted) {
		try {
			List<Wakeup> wakeups = overdue.released(lifted.settledAt());
			wakeups.forEach(scheduler::schedule);
			log.info("Resumed {} '{}': woke {} customers' waiting outreach", lifted.scope(), lifted.name(),
					wakeups.size());
		}
		catch (RuntimeException e) {
			log.warn("Resumed {} '{}', but could not wake the waiting outreach now; the overdue sweep will: {}",
					lifted.scope(), lifted.name(), e.getMessage());
		}
	}
}
