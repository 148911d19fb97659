package org.forewarn.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.forewarn.logging.LogContext;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a batch of due wakeups to where they are processed: to the {@link WakeupDelivery} when there is one (it
 * routes each to the instance owning the customer), else to this instance's lanes, several customers at a time.
 * Answers the reason for each wakeup that may succeed later; one that can never be processed is logged and dropped.
 */
final class WakeupHandOver implements WakeupPoller.HandOver, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WakeupHandOver.class);

	private final EventIntake intake;
	private final WakeupDelivery delivery;
	private final ExecutorService callers;

	WakeupHandOver(EventIntake intake, WakeupDelivery delivery, int parallel) {
		this.intake = intake;
		this.delivery = delivery;
		this.callers = Executors.newFixedThreadPool(Math.max(1, parallel), task -> {
			Thread thread = new Thread(task, "forewarn-wakeup-handover");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Map<WakeupTable.Taken, String> handOver(List<WakeupTable.Taken> due) {
		return delivery != null ? deliver(due) : fire(due);
	}

	private Map<WakeupTable.Taken, String> deliver(List<WakeupTable.Taken> due) {
		Map<WakeupTable.Taken, String> failures = new HashMap<>();
		Map<Wakeup, String> reasons;
		try {
			reasons = delivery.deliver(due.stream().map(WakeupTable.Taken::wakeup).toList());
		}
		catch (RuntimeException e) {
			due.forEach(taken -> failures.put(taken, "cannot deliver: " + e.getMessage()));
			return failures;
		}
		due.stream().filter(taken -> reasons.containsKey(taken.wakeup()))
			.forEach(taken -> failures.put(taken, "cannot deliver: " + reasons.get(taken.wakeup())));
		return failures;
	}

	private Map<WakeupTable.Taken, String> fire(List<WakeupTable.Taken> due) {
		Map<WakeupTable.Taken, Future<IntakeResult>> results = new HashMap<>();
		for (WakeupTable.Taken taken : due) {
			results.put(taken, callers.submit(() -> intake.fire(taken.wakeup())));
		}
		Map<WakeupTable.Taken, String> failures = new HashMap<>();
		results.forEach((taken, result) -> {
			String failure = failure(taken.wakeup(), result);
			if (failure != null) {
				failures.put(taken, failure);
			}
		});
		return failures;
	}

	private static String failure(Wakeup wakeup, Future<IntakeResult> pending) {
		IntakeResult result;
		try {
			result = pending.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (ExecutionException e) {
			return String.valueOf(e.getCause());
		}
		if (result.status() == IntakeResult.Status.REJECTED) {
			log.error("Wakeup {} ({}) of customer {} was rejected and is dropped: {}", wakeup.label(), wakeup.at(),
					LogContext.customerRef(wakeup.customerId()), result.reason());
		}
		return result.status() == IntakeResult.Status.FAILED ? result.reason() : null;
	}

	@Override
	public void close() throws InterruptedException {
		callers.shutdown();
		callers.awaitTermination(30, TimeUnit.SECONDS);
	}
}
