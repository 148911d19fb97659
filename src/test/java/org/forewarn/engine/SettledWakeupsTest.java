package org.forewarn.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.customer.CustomerStateStore.Known;
import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.OutreachDispatcher;
import org.forewarn.outreach.OutreachPlanner;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forewarn.TestEvents.simple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The wakeups of work due at once are settled after the share's dispatch, in one go; the rules' own wakeups and
 * those of a dispatch that failed are not, and a settle that fails costs nothing but the wakeups firing.
 */
class SettledWakeupsTest {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private final EventStore events = mock(EventStore.class);
	private final CustomerStateStore states = mock(CustomerStateStore.class);
	private final RuleEngine rules = mock(RuleEngine.class);
	private final OutreachPlanner planner = mock(OutreachPlanner.class);
	private final OutreachDispatcher dispatcher = mock(OutreachDispatcher.class);
	private final WakeupScheduler scheduler = mock(WakeupScheduler.class);
	private final List<Collection<Wakeup>> settled = new ArrayList<>();
	private final ShareSenders senders = new ShareSenders(2);
	private final CustomerProcessor processor = new CustomerProcessor(events, states, rules, mock(OutreachStore.class),
			planner, dispatcher, scheduler, new TransactionTemplate(new NoTransactions()), senders,
			Clock.fixed(NOW, ZoneOffset.UTC));

	SettledWakeupsTest() {
		when(events.insertIfNew(any(), any())).thenReturn(true);
		when(states.loadInLane(anyString())).thenAnswer(call -> new CustomerState(call.getArgument(0)));
		when(states.known(anyString())).thenReturn(Known.NOTHING);
		when(rules.evaluate(any(), any(), anyList()))
			.thenAnswer(call -> new Evaluation("v1", call.getArgument(1), mock(Decisions.class)));
		when(planner.apply(any(), any(), anyList(), anyList())).thenAnswer(call -> {
			String customerId = call.<CustomerState>getArgument(1).customerId();
			return List.of(dispatch(customerId), new Wakeup(customerId, NOW.plusSeconds(3600), "o-1", "handoff"));
		});
	}

	@AfterEach
	void close() throws InterruptedException {
		senders.close();
	}

	@Test
	void theShareSettlesTheDispatchWakeupsOfItsCustomersInOneGo() {
		doAnswer(call -> settled.add(List.copyOf(call.getArgument(0)))).when(scheduler)
			.settled(any());

		assertThat(processor.processAll(List.of(event("e-1", "c-1"), event("e-2", "c-2")))).containsExactly(true,
				true);

		verify(dispatcher, times(2)).dispatchDue(any(), any());
		assertThat(settled).singleElement()
			.satisfies(wakeups -> assertThat(wakeups).containsExactlyInAnyOrder(dispatch("c-1"), dispatch("c-2")));
	}

	@Test
	void aSettleThatFailsLeavesTheShareProcessed() {
		doThrow(new IllegalStateException("the database went away")).when(scheduler).settled(any());

		assertThat(processor.processAll(List.of(event("e-1", "c-1")))).containsExactly(true);
		verify(dispatcher).dispatchDue(any(), any());
	}

	@Test
	void aDispatchThatFailsSettlesNothing() {
		doThrow(new IllegalStateException("provider blew up")).when(dispatcher).dispatchDue(any(), any());

		assertThatThrownBy(() -> processor.processAll(List.of(event("e-1", "c-1"))))
			.hasMessageContaining("provider blew up");
		verify(scheduler, never()).settled(any());
		verify(scheduler, times(2)).schedule(any());
	}

	private static Wakeup dispatch(String customerId) {
		return new Wakeup(customerId, NOW.minusSeconds(1), "o-1", "dispatch");
	}

	private static Event event(String id, String customerId) {
		return EventParser.parse(simple(id, "order.paid", NOW.minusSeconds(1), customerId, "o-1", "{}"));
	}
}
