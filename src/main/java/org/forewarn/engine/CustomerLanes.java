package org.forewarn.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One writer per customer: each customer is hashed to one single-threaded lane, so one customer's events and timers
 * are processed in order and never at the same time, while different customers run in parallel.
 */
class CustomerLanes implements AutoCloseable {

	/** Null when the work runs on the caller's thread. */
	private final ExecutorService[] lanes;

	/**
	 * For a caller that submits one event at a time from one thread (replay): that thread is the only lane, and
	 * handing each event to another thread would cost more than processing it.
	 */
	static CustomerLanes callerThread() {
		return new CustomerLanes();
	}

	private CustomerLanes() {
		lanes = null;
	}

	CustomerLanes(int count) {
		lanes = new ExecutorService[Math.max(1, count)];
		for (int i = 0; i < lanes.length; i++) {
			int number = i;
			lanes[i] = Executors.newSingleThreadExecutor(r -> {
				Thread thread = new Thread(r, "forewarn-lane-" + number);
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	/** Runs the work in the customer's lane and waits for its result. */
	<T> T run(String customerId, Supplier<T> work) {
		if (lanes == null) {
			return work.get();
		}
		Future<T> result = lanes[Math.floorMod(customerId.hashCode(), lanes.length)].submit(work::get);
		try {
			return result.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new FailureKind.LaneInterruptedException("interrupted while processing for customer " + customerId, e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (lanes == null) {
			return;
		}
		for (ExecutorService lane : lanes) {
			lane.shutdown();
		}
		for (ExecutorService lane : lanes) {
			lane.awaitTermination(30, TimeUnit.SECONDS);
		}
	}
}
