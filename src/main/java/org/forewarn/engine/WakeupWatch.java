package org.forewarn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;

/**
 * Wakeups waiting in the {@code wakeup} table and how late they run, read with one cheap query per check (never per
 * probe or per scrape): the gauges {@code forewarn.wakeups.pending} and {@code forewarn.wakeups.overdue}, and the
 * {@code wakeups} health, DOWN when one fired, or still waits, more than the allowed lateness past its time (or past
 * when it was scheduled, for one asked for already late: a backlog of late events is not a scheduler falling behind).
 */
final class WakeupWatch {

	private final WakeupTable table;
	private final Clock clock;
	private final Duration maxLateness;
	private final AtomicLong pending = new AtomicLong();
	private final AtomicLong overdueMillis = new AtomicLong();
	/** The last wakeup that fired later than allowed: how late, and when (a DOWN lasts max-lateness after it). */
	private volatile Duration lastTooLate = Duration.ZERO;
	private volatile Instant lastTooLateAt = Instant.EPOCH;

	WakeupWatch(WakeupTable table, Clock clock, Duration maxLateness, MeterRegistry meters) {
		this.table = table;
		this.clock = clock;
		this.maxLateness = maxLateness;
		Gauge.builder("forewarn.wakeups.pending", pending, AtomicLong::get)
			.description("Wakeups (timers, delayed sends, retries) waiting in the wakeup table, as of the last check")
			.register(meters);
		Gauge.builder("forewarn.wakeups.overdue", overdueMillis, millis -> millis.get() / 1000.0)
			.description("How far past its time the oldest waiting wakeup is, as of the last check")
			.baseUnit("seconds").register(meters);
	}

	/** Called as each wakeup fires. */
	void fired(Duration late) {
		if (late.compareTo(maxLateness) > 0) {
			lastTooLate = late;
			lastTooLateAt = clock.instant();
		}
	}

	Health.Builder check() {
		Instant now = clock.instant();
		WakeupTable.Waiting waiting = table.waiting(now);
		pending.set(waiting.count());
		Duration overdue = waiting.dueSince() == null || !waiting.dueSince().isBefore(now) ? Duration.ZERO
				: Duration.between(waiting.dueSince(), now);
		overdueMillis.set(overdue.toMillis());
		boolean firedTooLate = Duration.between(lastTooLateAt, now).compareTo(maxLateness) <= 0;
		Health.Builder health;
		// a firing too late stays reported for max-lateness after it, so a probe or a scrape cannot miss it
		if (overdue.compareTo(maxLateness) > 0) {
			health = Health.down().withDetail("reason", "the oldest of " + waiting.count() + " waiting wakeups is "
					+ overdue + " past its time, more than forewarn.health.wakeups.max-lateness (" + maxLateness
					+ "): the scheduler is not firing them (stopped, or the database is too slow)");
		}
		else if (firedTooLate) {
			health = Health.down().withDetail("reason", "a wakeup fired " + lastTooLate + " after its time at "
					+ lastTooLateAt + ", more than forewarn.health.wakeups.max-lateness (" + maxLateness
					+ "): wakeups are falling behind");
		}
		else {
			health = Health.up();
		}
		return health.withDetail("pending", waiting.count()).withDetail("oldestOverdue", overdue.toString());
	}
}
