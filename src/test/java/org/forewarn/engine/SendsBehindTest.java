package org.forewarn.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.forewarn.customer.CustomerState;
import org.forewarn.event.Event;
import org.forewarn.outreach.OutreachDispatcher.Dispatched;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A share whose sends go on behind its lane: the lane moves on once the events are stored and decided, a customer's
 * next work waits for their sends under way (one writer per customer), other customers do not, and a send that fails
 * brings the customer's work back through a wakeup.
 */
class SendsBehindTest extends ProcessorOverMocks {

	private final CountDownLatch providerAnswers = new CountDownLatch(1);

	SendsBehindTest() {
		when(rules.evaluate(any(), any(), anyList()))
			.thenAnswer(call -> new Evaluation("v1", call.getArgument(1), mock(Decisions.class)));
		when(planner.apply(any(), any(), anyList(), anyList())).thenAnswer(call -> List.of(
				new Wakeup(call.<CustomerState>getArgument(1).customerId(), NOW.minusSeconds(1), "o-1", "dispatch")));
		doAnswer(call -> {
			if (call.<CustomerState>getArgument(0).customerId().equals("c-1")) {
				providerAnswers.await(10, TimeUnit.SECONDS);
			}
			return new Dispatched(NOW, true);
		}).when(dispatcher).dispatchDue(any(), any());
	}

	@AfterEach
	void answer() {
		providerAnswers.countDown();
	}

	@Test
	void theLaneMovesOnBeforeTheSendsAreDoneAndTheyAreSettledAfter() {
		assertThat(processor.processAll(List.of(event("e-1", "c-1")), true)).containsExactly(true);

		verify(scheduler, timeout(2_000)).schedule(any());
		verify(scheduler, never()).settled(any());
		providerAnswers.countDown();
		verify(scheduler, timeout(2_000)).settled(argThat(wakeups -> wakeups.size() == 1));
	}

	@Test
	void aCustomersNextEventWaitsForTheirSendsButOtherCustomersDoNot() throws Exception {
		processor.processAll(List.of(event("e-1", "c-1")), true);

		CompletableFuture<List<Boolean>> sameCustomer = CompletableFuture
			.supplyAsync(() -> processor.processAll(List.of(event("e-2", "c-1")), true));
		assertThat(processor.processAll(List.of(event("e-3", "c-2")), true)).containsExactly(true);
		Thread.sleep(300);
		assertThat(sameCustomer).isNotDone();
		verify(rules, never()).evaluate(any(), argThat(trigger -> eventId(trigger).equals("e-2")),
				anyList());

		providerAnswers.countDown();
		assertThat(sameCustomer.get(5, TimeUnit.SECONDS)).containsExactly(true);
	}

	@Test
	void aSendThatFailsBehindTheLaneLeavesItsWakeup() {
		doThrow(new IllegalStateException("the database went away")).when(dispatcher).dispatchDue(any(), any());

		assertThat(processor.processAll(List.of(event("e-1", "c-1")), true)).containsExactly(true);

		verify(dispatcher, timeout(2_000)).dispatchDue(any(), any());
		verify(scheduler, after(300).never()).settled(any());
	}

	@Test
	void aCustomerWhoseWorkATimerBroughtGetsAWakeupInTheShareAndItIsSettledAfterTheSend() {
		Event timer = EventIntake.timerEvent(new Wakeup("c-2", NOW.minusSeconds(5), null, "dispatch"));

		processor.processAll(List.of(timer), true);

		Wakeup now = new Wakeup("c-2", NOW, null, "dispatch");
		verify(scheduler).schedule(now);
		verify(scheduler, timeout(2_000)).settled(List.of(now));
	}

	@Test
	void aRedeliveredEventsCustomerGetsAWakeupInTheShareButANewEventWithItsOwnDoesNot() {
		when(events.insertAllIfNew(anyList(), any())).thenReturn(List.of(false, true));

		processor.processAll(List.of(event("e-1", "c-2"), event("e-2", "c-3")), true);

		verify(scheduler).schedule(new Wakeup("c-2", NOW, null, "dispatch"));
		verify(scheduler, never()).schedule(new Wakeup("c-3", NOW, null, "dispatch"));
		verify(scheduler).schedule(new Wakeup("c-3", NOW.minusSeconds(1), "o-1", "dispatch"));
	}

	@Test
	void finishingWaitsForEverySendUnderWay() throws Exception {
		processor.processAll(List.of(event("e-1", "c-1")), true);
		CompletableFuture<Void> finished = CompletableFuture.runAsync(processor::finishSends);
		Thread.sleep(300);
		assertThat(finished).isNotDone();

		providerAnswers.countDown();
		assertThat(finished).succeedsWithin(Duration.ofSeconds(5));
	}

	private static String eventId(Trigger trigger) {
		return trigger == null ? "" : trigger.eventId();
	}
}
