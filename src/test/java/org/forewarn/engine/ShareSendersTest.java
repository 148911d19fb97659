package org.forewarn.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customers of a lane's share are sent to at the same time, and the lane moves on only once all are done. */
class ShareSendersTest {

	private final ShareSenders senders = new ShareSenders(4);

	@AfterEach
	void close() throws InterruptedException {
		senders.close();
	}

	@Test
	void customersAreSentToAtTheSameTime() {
		CountDownLatch allStarted = new CountDownLatch(3);
		Set<String> sent = ConcurrentHashMap.newKeySet();
		senders.sendEach(List.of("a", "b", "c"), customer -> {
			allStarted.countDown();
			// a provider's slow answer: each waits for the others to have begun, which only parallel sends can
			try {
				assertThat(allStarted.await(5, TimeUnit.SECONDS)).as("all three sending at once").isTrue();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
			sent.add(customer);
		});
		assertThat(sent).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void aLoneCustomerIsSentToOnTheLanesOwnThread() {
		Thread lane = Thread.currentThread();
		senders.sendEach(List.of("a"), customer -> assertThat(Thread.currentThread()).isSameAs(lane));
	}

	@Test
	void oneCustomersFailureStopsNoOtherAndIsThrownOnceAllAreDone() {
		Set<String> sent = ConcurrentHashMap.newKeySet();
		assertThatThrownBy(() -> senders.sendEach(List.of("slow", "bad", "worse", "last"), customer -> {
			if (customer.equals("bad") || customer.equals("worse")) {
				throw new IllegalStateException("provider down for " + customer);
			}
			if (customer.equals("slow")) {
				sleep(300);
			}
			sent.add(customer);
		})).isInstanceOf(IllegalStateException.class)
			.satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
		// returned only after the slow one had finished
		assertThat(sent).containsExactlyInAnyOrder("slow", "last");
	}

	@Test
	void afterShutdownTheLaneSendsItself() throws InterruptedException {
		senders.close();
		Thread lane = Thread.currentThread();
		Set<Thread> threads = ConcurrentHashMap.newKeySet();
		senders.sendEach(List.of("a", "b"), customer -> threads.add(Thread.currentThread()));
		assertThat(threads).containsExactly(lane);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
