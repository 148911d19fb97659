package org.forewarn.outreach;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.forewarn.shared.Together;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one customer's due outreach on different channels at the same time, so an SMS waiting for Twilio's answer
 * does not hold up the customer's email. Sends on one channel stay one after the other: its frequency cap counts what
 * went out before. The threads are bounded ({@code forewarn.senders}); when all are busy, the customer's own thread
 * sends the rest. With one sender (a replay) everything is sent on the customer's thread, in order.
 */
@Component
class ChannelSends implements DisposableBean {

	private final ThreadPoolExecutor pool;

	ChannelSends(@Value("${forewarn.senders:8}") int senders) {
		if (senders <= 1) {
			this.pool = null;
			return;
		}
		CustomizableThreadFactory named = new CustomizableThreadFactory("forewarn-channel-");
		named.setDaemon(true);
		// no queue: a group the threads cannot take at once is sent by the caller, never waits behind others
		this.pool = new ThreadPoolExecutor(0, senders, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), named);
	}

	/** Runs {@code send} for each channel's records, the channels at the same time; returns when all are done. */
	<T> void sendEach(List<List<T>> byChannel, Consumer<List<T>> send) {
		Together.runEach(pool, byChannel, send);
	}

	@Override
	public void destroy() throws InterruptedException {
		if (pool != null) {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
	}
}
