package org.forewarn.privacy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention every {@code forewarn.retention.interval}, on one instance at a time: whoever takes the lease in
 * the shared database prunes, the others skip that round.
 */
final class RetentionSchedule implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
	static final String LEASE = "retention";
	/** Longer than a run takes; a holder that died frees the lease after this. */
	private static final Duration LEASE_LENGTH = Duration.ofMinutes(30);

	private final Retention retention;
	private final JobLease lease;
	private final RetentionSettings settings;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "forewarn-retention");
		thread.setDaemon(true);
		return thread;
	});

	RetentionSchedule(Retention retention, JobLease lease, RetentionSettings settings) {
		this.retention = retention;
		this.lease = lease;
		this.settings = settings;
	}

	void start() {
		if (!settings.enabled()) {
			log.info("Retention is off (forewarn.retention.enabled=false): personal data is kept until erased");
			return;
		}
		// the first run a minute after start, out of the way of start-up work
		executor.scheduleWithFixedDelay(this::runQuietly, Math.min(60_000, settings.interval().toMillis()),
				settings.interval().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** One round: prunes when this instance gets the lease; false when another instance holds it. */
	boolean run() {
		if (!lease.acquire(LEASE, LEASE_LENGTH)) {
			return false;
		}
		try {
			retention.prune();
			return true;
		}
		finally {
			lease.release(LEASE);
		}
	}

	private void runQuietly() {
		try {
			run();
		}
		catch (RuntimeException e) {
			// the database may be away for a moment; each batch committed, so the next round goes on from there
			log.warn("Retention failed, next round in {}: {}", settings.interval(), e.toString());
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}
}
