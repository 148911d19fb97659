package org.forewarn.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.forewarn.logging.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One provider's health, checked on a schedule by a thread of its own; {@link #health()} answers the last result,
 * so a probe never waits for (or hammers) the provider. UNKNOWN until the first check, one interval after start.
 */
final class ProviderHealth implements HealthIndicator, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ProviderHealth.class);

	private final String name;
	private final Supplier<Health.Builder> check;
	private final ScheduledExecutorService schedule;
	private volatile Health last;

	private ProviderHealth(String name, Supplier<Health.Builder> check, Duration interval) {
		this.name = name;
		this.check = check;
		this.last = Health.unknown().withDetail("reason", "not checked yet").build();
		this.schedule = check == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "health-" + name);
			thread.setDaemon(true);
			return thread;
		});
		if (schedule != null) {
			// the first check waits one interval too: starting never waits for, or connects to, a provider
			schedule.scheduleWithFixedDelay(this::checkNow, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/** A provider checked every {@code interval} by {@code check}, which answers UP or DOWN with a reason. */
	static ProviderHealth checked(String name, Supplier<Health.Builder> check, Duration interval) {
		return new ProviderHealth(name, check, interval);
	}

	/** A channel that only records: nothing to check, and nothing wrong. */
	static ProviderHealth recording(String name, String why) {
		ProviderHealth health = new ProviderHealth(name, null, Duration.ZERO);
		health.last = Health.up().withDetail("mode", "recording").withDetail("reason", why).build();
		return health;
	}

	private void checkNow() {
		Health.Builder result;
		try {
			result = check.get();
		}
		catch (RuntimeException e) {
			result = Health.down().withDetail("reason", name + " check failed: " + PersonalData.mask(String.valueOf(e)));
		}
		Health health = result.withDetail("checkedAt", Instant.now().toString()).build();
		if (!health.getStatus().equals(last.getStatus()) && !Status.UNKNOWN.equals(last.getStatus())
				|| Status.DOWN.equals(health.getStatus()) && Status.UNKNOWN.equals(last.getStatus())) {
			log.warn("Health of {}: {} {}", name, health.getStatus(), health.getDetails().get("reason"));
		}
		last = health;
	}

	@Override
	public Health health() {
		return last;
	}

	@Override
	public void close() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}
}
