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

	private final ExecutorService[] lanes;

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
		return await(submit(lane(customerId), work), "customer " + customerId);
	}

	/** The lane a customer's work runs in. */
	int lane(String customerId) {
		return Math.floorMod(customerId.hashCode(), lanes.length);
	}

	/** Queues the work in a lane, behind what is queued there already. */
	<T> Future<T> submit(int lane, Supplier<T> work) {
		return lanes[lane].submit(work::get);
	}

	/** The work's result; a failure of the work is thrown as it was. */
	static <T> T await(Future<T> result, String what) {
		try {
			return result.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new FailureKind.LaneInterruptedException("interrupted while processing for " + what, e);
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
		for (ExecutorService lane : lanes) {
			lane.shutdown();
		}
		for (ExecutorService lane : lanes) {
			lane.awaitTermination(30, TimeUnit.SECONDS);
		}
	}
}
