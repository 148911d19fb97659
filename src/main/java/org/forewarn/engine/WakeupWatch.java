package org.forewarn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wakeups waiting in Quartz's store and how late they run, read with one cheap query per check (never per probe or
 * per scrape): the gauges {@code forewarn.wakeups.pending} and {@code forewarn.wakeups.overdue}, and the
 * {@code wakeups} health, DOWN when one fired, or still waits, more than the allowed lateness past its time.
 */
final class WakeupWatch {

	private final JdbcClient jdbc;
	private final String schedulerName;
	private final Clock clock;
	private final Duration maxLateness;
	private final AtomicLong pending = new AtomicLong();
	private final AtomicLong overdueMillis = new AtomicLong();
	/** The last wakeup that fired later than allowed: how late, and when (a DOWN lasts max-lateness after it). */
	private volatile Duration lastTooLate = Duration.ZERO;
	private volatile Instant lastTooLateAt = Instant.EPOCH;

	WakeupWatch(JdbcClient jdbc, String schedulerName, Clock clock, Duration maxLateness, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.schedulerName = schedulerName;
		this.clock = clock;
		this.maxLateness = maxLateness;
		Gauge.builder("forewarn.wakeups.pending", pending, AtomicLong::get)
			.description("Wakeups (timers, delayed sends, retries) waiting in the job store, as of the last check")
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
		Long[] row = jdbc.sql("select count(*), min(NEXT_FIRE_TIME) from QRTZ_TRIGGERS where SCHED_NAME = ? "
				+ "and TRIGGER_GROUP = ?")
			.params(schedulerName, QuartzWakeupScheduler.GROUP)
			.query((rs, n) -> new Long[] { rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2) })
			.single();
		pending.set(row[0]);
		Duration overdue = row[1] == null || row[1] >= now.toEpochMilli() ? Duration.ZERO
				: Duration.ofMillis(now.toEpochMilli() - row[1]);
		overdueMillis.set(overdue.toMillis());
		boolean firedTooLate = Duration.between(lastTooLateAt, now).compareTo(maxLateness) <= 0;
		Health.Builder health;
		// a firing too late stays reported for max-lateness after it, so a probe or a scrape cannot miss it
		if (overdue.compareTo(maxLateness) > 0) {
			health = Health.down().withDetail("reason", "the oldest of " + row[0] + " waiting wakeups is " + overdue
					+ " past its time, more than forewarn.health.wakeups.max-lateness (" + maxLateness
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
		return health.withDetail("pending", row[0]).withDetail("oldestOverdue", overdue.toString());
	}
}
