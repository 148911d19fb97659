package org.forewarn.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.forewarn.shared.Together;

/**
 * One writer per customer: each customer is hashed to one lane, and a lane does one piece of work at a time, so one
 * customer's events and timers are processed in order and never at the same time, while different customers run in
 * parallel. A single event runs on the caller's thread while it holds the lane's lock (no hand-over to another
 * thread); a batch is handed to the lanes' own threads, which take the same locks, so its shares run at once.
 */
class CustomerLanes implements AutoCloseable {

	private final ReentrantLock[] locks;
	private final ExecutorService[] workers;
	private volatile boolean closed;

	CustomerLanes(int count) {
		locks = new ReentrantLock[Math.max(1, count)];
		workers = new ExecutorService[locks.length];
		for (int i = 0; i < locks.length; i++) {
			int number = i;
			locks[i] = new ReentrantLock();
			workers[i] = Executors.newSingleThreadExecutor(r -> {
				Thread thread = new Thread(r, "forewarn-lane-" + number);
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	/** Runs the work on this thread, in the customer's lane: after, and before, any other work of that lane. */
	<T> T run(String customerId, Supplier<T> work) {
		if (closed) {
			// as a queued event would be refused: shutting down, nothing stored, the sender tries again
			throw new RejectedExecutionException("the customer lanes are shut down");
		}
		ReentrantLock lock = locks[lane(customerId)];
		try {
			lock.lockInterruptibly();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new FailureKind.LaneInterruptedException("interrupted while waiting for the lane of customer "
					+ customerId, e);
		}
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/** The lane a customer's work runs in. */
	int lane(String customerId) {
		return Math.floorMod(customerId.hashCode(), locks.length);
	}

	/** Queues the work for the lane's thread, which runs it holding the lane's lock. */
	<T> Future<T> submit(int lane, Supplier<T> work) {
		ReentrantLock lock = locks[lane];
		return workers[lane].submit(() -> {
			lock.lock();
			try {
				return work.get();
			}
			finally {
				lock.unlock();
			}
		});
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
			throw Together.thrownBy(e);
		}
	}

	@Override
	public void close() throws InterruptedException {
		closed = true;
		for (ExecutorService worker : workers) {
			worker.shutdown();
		}
		for (ExecutorService worker : workers) {
			worker.awaitTermination(30, TimeUnit.SECONDS);
		}
	}
}
