package org.forewarn.engine;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.forewarn.logging.LogContext;
import org.forewarn.outreach.OverdueWork;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start and then every {@code forewarn.sweep.interval}: outreach still waiting well past its time (a SCHEDULED
 * send, a review deadline, a fallback owed) gets its wakeup scheduled again, so a due send is found even if its
 * wakeup was lost (a database from before every send had one, a crash at the wrong moment).
 * <p>
 * The wakeups only dispatch: the rules are not asked again at a time that may lie before the customer's latest
 * events. Safe on several instances at once: a wakeup's id is derived from the work, so asking again while it is
 * pending schedules nothing, and one that already fired raises a timer event with the same id, which the customer's
 * lane recognises as a duplicate and only uses to send what is due. Sends are claimed per record before the provider
 * is called, so a second wakeup never sends twice.
 */
final class OverdueSweep implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

	private final OverdueWork overdue;
	private final WakeupScheduler scheduler;
	private final SweepSettings settings;
	private final Clock clock;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "forewarn-overdue-sweep");
		thread.setDaemon(true);
		return thread;
	});

	OverdueSweep(OverdueWork overdue, WakeupScheduler scheduler, SweepSettings settings, Clock clock) {
		this.overdue = overdue;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
	}

	void start() {
		executor.scheduleWithFixedDelay(this::sweepQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Schedules the wakeup of every overdue record; returns how many wakeups it asked for. */
	int sweep() {
		List<Wakeup> wakeups = overdue.wakeups(clock.instant().minus(settings.grace()), settings.limit());
		int failed = 0;
		for (Wakeup wakeup : wakeups) {
			try {
				scheduler.schedule(wakeup);
			}
			catch (RuntimeException e) {
				failed++;
				log.warn("Overdue sweep could not schedule wakeup {} for customer {}: {}", wakeup.label(),
						LogContext.customerRef(wakeup.customerId()), e.getMessage());
			}
		}
		if (!wakeups.isEmpty()) {
			log.info("Overdue sweep: {} waiting outreach past its time by more than {}; woke their customers{}",
					wakeups.size(), settings.grace(), failed == 0 ? "" : " (" + failed + " failed, tried again later)");
		}
		return wakeups.size();
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException e) {
			// the database may be away for a moment: the next sweep tries again
			log.warn("Overdue sweep failed, next in {}: {}", settings.interval(), e.getMessage());
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}
}
