package org.forewarn.engine;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.forewarn.shared.Together;
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
		Together.runEach(pool, customers, send);
	}

	@Override
	public void close() throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
	}
}
