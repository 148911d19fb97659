package org.forewarn.replay;

import java.time.Instant;

import org.forewarn.engine.EventIntake;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.Event;
import org.forewarn.rules.Wakeup;

/**
 * Drives the live path in simulated time: before each event, every wakeup due by the event's time fires at its own
 * time; then the clock moves to the event and the event is processed.
 */
public class Replayer {

	private final EventIntake intake;
	private final MutableClock clock;
	private final SimulatedWakeupScheduler wakeups;
	private long timersFired;

	Replayer(EventIntake intake, MutableClock clock, SimulatedWakeupScheduler wakeups) {
		this.intake = intake;
		this.clock = clock;
		this.wakeups = wakeups;
	}

	public IntakeResult feed(Event event) {
		advanceTo(event.instant());
		return intake.submit(event);
	}

	/** Fires every wakeup due by {@code moment}, in time order, then leaves the clock at {@code moment}. */
	public void advanceTo(Instant moment) {
		Wakeup due;
		while ((due = wakeups.pollDue(moment)) != null) {
			if (due.at().isAfter(clock.instant())) {
				clock.set(due.at());
			}
			intake.fire(due);
			timersFired++;
		}
		if (moment.isAfter(clock.instant())) {
			clock.set(moment);
		}
	}

	/** Back to the start: no wakeups pending, the clock at the epoch, no timers counted. */
	void restart() {
		wakeups.clear();
		clock.set(Instant.EPOCH);
		timersFired = 0;
	}

	public Instant now() {
		return clock.instant();
	}

	long timersFired() {
		return timersFired;
	}

	int timersPending() {
		return wakeups.pendingCount();
	}
}
