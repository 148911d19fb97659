package org.forewarn.outreach;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One customer's channels are sent at the same time, each channel's records in order; with no thread free the
 * customer's own thread sends, and with one sender everything goes in order on it.
 */
class ChannelSendsTest {

	@Test
	void aSlowChannelDoesNotHoldUpTheOther() throws InterruptedException {
		ChannelSends sends = new ChannelSends(8);
		CountDownLatch emailSent = new CountDownLatch(1);
		List<String> order = new CopyOnWriteArrayList<>();
		try {
			sends.sendEach(List.of(List.of("sms-1", "sms-2"), List.of("email-1")), records -> records.forEach(r -> {
				if (r.equals("sms-1")) {
					// Twilio answering slowly: the email goes out meanwhile, which only a send at the same time can
					assertThat(await(emailSent)).as("the email sent while the SMS waits").isTrue();
				}
				order.add(r);
				if (r.equals("email-1")) {
					emailSent.countDown(); // once it is in the order, or the SMS may be written down first
				}
			}));
		}
		finally {
			sends.destroy();
		}
		assertThat(order).containsExactly("email-1", "sms-1", "sms-2");
	}

	@Test
	void withEveryThreadBusyTheCustomersOwnThreadSends() throws InterruptedException {
		ChannelSends sends = new ChannelSends(2);
		Thread customer = Thread.currentThread();
		CountDownLatch thirdSent = new CountDownLatch(1);
		Map<String, Thread> sentOn = new ConcurrentHashMap<>();
		try {
			sends.sendEach(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), records -> {
				String channel = records.get(0);
				sentOn.put(channel, Thread.currentThread());
				if (channel.equals("c")) {
					thirdSent.countDown();
				}
				else if (!channel.equals("d")) {
					assertThat(await(thirdSent)).as("c not queued behind the busy threads").isTrue();
				}
			});
		}
		finally {
			sends.destroy();
		}
		assertThat(sentOn.get("a")).isNotSameAs(customer);
		assertThat(sentOn.get("b")).isNotSameAs(customer);
		assertThat(sentOn.get("c")).isSameAs(customer);
		assertThat(sentOn.get("d")).isSameAs(customer);
	}

	@Test
	void withOneSenderEverythingGoesInOrderOnTheCustomersThread() throws InterruptedException {
		ChannelSends sends = new ChannelSends(1);
		Thread customer = Thread.currentThread();
		List<String> order = new CopyOnWriteArrayList<>();
		sends.sendEach(List.of(List.of("sms-1", "sms-2"), List.of("email-1")), records -> records.forEach(r -> {
			assertThat(Thread.currentThread()).isSameAs(customer);
			order.add(r);
		}));
		sends.destroy();
		assertThat(order).containsExactly("sms-1", "sms-2", "email-1");
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
