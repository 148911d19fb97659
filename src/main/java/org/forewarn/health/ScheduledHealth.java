package org.forewarn.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health indicator whose check runs on a thread of its own every interval; {@link #health()} answers the last
 * result, so probes never wait for, or hammer, what is checked. Changes of status are logged once.
 */
public final class ScheduledHealth implements HealthIndicator, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ScheduledHealth.class);

	private final String name;
	private final Supplier<Health.Builder> check;
	private final ScheduledExecutorService schedule;
	private volatile Health last;

	private ScheduledHealth(String name, Supplier<Health.Builder> check, Duration interval, Duration firstAfter) {
		this.name = name;
		this.check = check;
		this.last = Health.unknown().withDetail("reason", "not checked yet").build();
		this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "health-" + name);
			thread.setDaemon(true);
			return thread;
		});
		schedule.scheduleWithFixedDelay(this::checkNow, firstAfter.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** {@code check} answers UP, DOWN or OUT_OF_SERVICE with a reason; it runs at once, then every interval. */
	public static ScheduledHealth every(String name, Duration interval, Supplier<Health.Builder> check) {
		return new ScheduledHealth(name, check, interval, Duration.ZERO);
	}

	/** Like {@link #every}, the first check one interval after start (UNKNOWN until then). */
	public static ScheduledHealth everyAfterStart(String name, Duration interval, Supplier<Health.Builder> check) {
		return new ScheduledHealth(name, check, interval, interval);
	}

	/** Checks now and returns the result (tests, and a caller that must know before the next interval). */
	public Health checkNow() {
		Health.Builder result;
		try {
			result = check.get();
		}
		catch (RuntimeException e) {
			result = Health.down().withDetail("reason", name + " check failed: " + e);
		}
		Health health = result.withDetail("checkedAt", Instant.now().toString()).build();
		Status before = last.getStatus();
		if (!health.getStatus().equals(before)
				&& !(Status.UNKNOWN.equals(before) && Status.UP.equals(health.getStatus()))) {
			log.warn("Health of {}: {} {}", name, health.getStatus(), health.getDetails().getOrDefault("reason", ""));
		}
		last = health;
		return health;
	}

	@Override
	public Health health() {
		return last;
	}

	@Override
	public void close() {
		schedule.shutdownNow();
	}
}
