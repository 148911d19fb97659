package org.forewarn.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.forewarn.shared.Together;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Sends what is due for the customers of one lane's share at the same time, so that one customer's slow provider
 * (an SMS waits for Twilio's answer) does not hold up the others. Either the lane waits until every customer's sends
 * are done, holding its lock all along ({@link #sendEach}), or it moves on while they go out ({@link #sendBehind}):
 * then a customer's next work first waits for their sends ({@link #awaitSends}), so a customer still has one writer
 * at a time. The threads are shared by all lanes and bounded, as are the connections they use and the customers
 * whose sends may be under way behind the lanes.
 */
class ShareSenders implements AutoCloseable {

	private final ExecutorService pool;
	private final Semaphore behind;
	private final Map<String, CompletableFuture<Void>> sending = new ConcurrentHashMap<>();

	ShareSenders(int threads) {
		CustomizableThreadFactory named = new CustomizableThreadFactory("forewarn-sender-");
		named.setDaemon(true);
		pool = Executors.newFixedThreadPool(Math.max(1, threads), named);
		// enough to keep every thread busy while the lanes decide; past that a lane waits, and so does its poll
		behind = new Semaphore(Math.max(1, threads) * 4);
	}

	/**
	 * Runs {@code send} for each customer, the last on this thread, and returns once all have finished. The first
	 * failure is thrown then, with the others suppressed in it; a customer's failure stops no other customer.
	 */
	<T> void sendEach(List<T> customers, Consumer<T> send) {
		Together.runEach(pool, customers, send);
	}

	/**
	 * Starts {@code send} for the customer on the pool and returns without waiting for it, once there is room among
	 * the sends under way; {@code send} handles its own failures. Runs it on this thread when the pool is shut down.
	 */
	void sendBehind(String customerId, Runnable send) {
		awaitSends(customerId);
		behind.acquireUninterruptibly();
		CompletableFuture<Void> done = new CompletableFuture<>();
		sending.put(customerId, done);
		Runnable task = () -> {
			try {
				send.run();
			}
			finally {
				sending.remove(customerId, done);
				behind.release();
				done.complete(null);
			}
		};
		try {
			pool.execute(task);
		}
		catch (RejectedExecutionException shuttingDown) {
			task.run();
		}
	}

	/** Returns once the customer's sends under way ({@link #sendBehind}) are done. */
	void awaitSends(String customerId) {
		CompletableFuture<Void> done = sending.get(customerId);
		if (done != null) {
			done.join();
		}
	}

	/** Returns once every send under way has finished. */
	void awaitAllSends() {
		CompletableFuture.allOf(sending.values().toArray(CompletableFuture[]::new)).join();
	}

	@Override
	public void close() throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
	}
}
