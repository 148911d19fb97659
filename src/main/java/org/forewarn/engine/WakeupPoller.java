package org.forewarn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.forewarn.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due wakeups: every poll interval it takes the due ones in batches, in the order they were due, hands them
 * over (to this instance's lanes, or to a {@link WakeupDelivery}) and removes those handed over. A wakeup that could
 * not be handed over for now is tried again after a growing pause, never in a tight loop; one that can never be is
 * logged and dropped. Each instance polls; the table's lease keeps them from taking the same wakeups.
 */
final class WakeupPoller implements AutoCloseable {

	/** Where taken wakeups go; answers the reason for each one that could not be handed over for now. */
	interface HandOver {
		Map<WakeupTable.Taken, String> handOver(List<WakeupTable.Taken> due);
	}

	private static final Logger log = LoggerFactory.getLogger(WakeupPoller.class);
	static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
	static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

	private final WakeupTable table;
	private final HandOver handOver;
	private final WakeupSettings settings;
	private final Clock clock;
	private final Timer lateness;
	private final Consumer<Duration> watch;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "forewarn-wakeups");
		thread.setDaemon(true);
		return thread;
	});
	private volatile boolean standby;

	WakeupPoller(WakeupTable table, HandOver handOver, WakeupSettings settings, Clock clock,
			MeterRegistry meters, Consumer<Duration> watch) {
		this.table = table;
		this.handOver = handOver;
		this.settings = settings;
		this.clock = clock;
		this.watch = watch;
		this.lateness = Timer.builder("forewarn.wakeups.lateness")
			.description("How long after its due time (or after it was scheduled, if later) a wakeup was handed to "
					+ "its customer's lane")
			.register(meters);
	}

	void start() {
		standby = false;
		executor.scheduleWithFixedDelay(this::pollQuietly, 0, settings.pollInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Stops taking wakeups until {@link #resume()}; what is being handed over finishes. */
	void standby() {
		standby = true;
	}

	void resume() {
		standby = false;
	}

	/** Takes and hands over due batches until one is not full; returns how many wakeups were taken. */
	int poll() {
		int taken = 0;
		int last;
		do {
			last = pollOnce();
			taken += last;
		}
		while (last == settings.batchSize() && !standby);
		return taken;
	}

	private int pollOnce() {
		Instant now = clock.instant();
		Instant until = now.plus(settings.lease()).truncatedTo(ChronoUnit.MILLIS);
		List<WakeupTable.Taken> due = table.take(now, settings.batchSize(), until);
		if (due.isEmpty()) {
			return 0;
		}
		for (WakeupTable.Taken taken : due) {
			Duration late = Duration.between(taken.lateFrom(), now);
			late = late.isNegative() ? Duration.ZERO : late;
			lateness.record(late);
			watch.accept(late);
		}
		Map<WakeupTable.Taken, String> failures = handOver.handOver(due);
		List<WakeupTable.Taken> handed = new ArrayList<>(due.size());
		for (WakeupTable.Taken taken : due) {
			String failure = failures.get(taken);
			if (failure == null) {
				handed.add(taken);
				continue;
			}
			int retry = taken.attempts() + 1;
			Duration pause = pause(retry);
			log.warn("Wakeup {} ({}) of customer {} failed for now (retry {} in {}): {}", taken.wakeup().label(),
					taken.wakeup().at(), LogContext.customerRef(taken.wakeup().customerId()), retry, pause, failure);
			table.retryAt(taken, clock.instant().plus(pause), failure);
		}
		table.done(handed, until);
		return due.size();
	}

	private void pollQuietly() {
		if (standby) {
			return;
		}
		try {
			poll();
		}
		catch (RuntimeException e) {
			// the database may be away for a moment: the leases run out and the next poll takes the wakeups again
			log.warn("Looking for due wakeups failed, next look in {}: {}", settings.pollInterval(), e.getMessage());
		}
	}

	static Duration pause(int retry) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(retry - 1, 16));
		return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
	}

	@Override
	public void close() throws InterruptedException {
		standby = true;
		executor.shutdown();
		executor.awaitTermination(30, TimeUnit.SECONDS);
	}
}
