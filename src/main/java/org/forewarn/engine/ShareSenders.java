package org.forewarn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Sends what is due for the customers of one lane's share at the same time, so that one customer's slow provider
 * (an SMS waits for Twilio's answer) does not hold up the others. The lane waits until every customer's sends are
 * done, holding its lock all along, so a customer still has one writer at a time. The threads are shared by all
 * lanes and bounded, as are the connections they use.
 */
class ShareSenders implements AutoCloseable {

	private final ExecutorService pool;

	ShareSenders(int threads) {
		CustomizableThreadFactory named = new CustomizableThreadFactory("forewarn-sender-");
		named.setDaemon(true);
		pool = Executors.newFixedThreadPool(Math.max(1, threads), named);
	}

	/**
	 * Runs {@code send} for each customer, the last on this thread, and returns once all have finished. The first
	 * failure is thrown then, with the others suppressed in it; a customer's failure stops no other customer.
	 */
	<T> void sendEach(List<T> customers, Consumer<T> send) {
		List<Future<?>> running = new ArrayList<>(customers.size());
		RuntimeException failure = null;
		for (int i = 0; i < customers.size() - 1; i++) {
			T customer = customers.get(i);
			try {
				running.add(pool.submit(() -> send.accept(customer)));
			}
			catch (RejectedExecutionException e) { // shutting down: send on this thread, as before the pool
				failure = collect(failure, () -> send.accept(customer));
			}
		}
		if (!customers.isEmpty()) {
			failure = collect(failure, () -> send.accept(customers.get(customers.size() - 1)));
		}
		for (Future<?> each : running) {
			failure = collect(failure, () -> awaitUninterruptibly(each));
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Interrupted or not, the lane must not move on while a customer of it is still being sent to. */
	private static void awaitUninterruptibly(Future<?> send) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					send.get();
					return;
				}
				catch (InterruptedException e) {
					interrupted = true;
				}
				catch (ExecutionException e) {
					throw CustomerLanes.thrownBy(e);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static RuntimeException collect(RuntimeException failure, Runnable step) {
		try {
			step.run();
			return failure;
		}
		catch (RuntimeException e) {
			if (failure == null) {
				return e;
			}
			failure.addSuppressed(e);
			return failure;
		}
	}

	@Override
	public void close() throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
	}
}
