package org.forewarn.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.forewarn.customer.CustomerState;
import org.forewarn.event.Event;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A wakeup the rules asked for while they ask for it, and no longer ask for, is settled in the transaction of the
 * share that stopped asking; not when a later event of the same share asks for it again, and not when the share
 * fails. A withdrawal that fails fails its share.
 */
class WithdrawnWakeupsTest extends ProcessorOverMocks {

	private static final Wakeup PROMISE_CHECK = new Wakeup("c-1", NOW.plusSeconds(3600), "o-1", "promise check");

	private final Map<String, CustomerState> kept = new HashMap<>();
	/** What the rules ask for at each event, by event id. */
	private final Map<String, List<Wakeup>> asks = new HashMap<>();
	private final List<Collection<Wakeup>> settled = new ArrayList<>();

	WithdrawnWakeupsTest() {
		when(states.loadInLane(anyString()))
			.thenAnswer(call -> kept.computeIfAbsent(call.getArgument(0), CustomerState::new));
		when(rules.evaluate(any(), any(), anyList())).thenAnswer(call -> {
			Trigger trigger = call.getArgument(1);
			Decisions decisions = mock(Decisions.class);
			when(decisions.wakeups()).thenReturn(asks.getOrDefault(trigger.eventId(), List.of()));
			when(decisions.whileAsked()).thenReturn(asks.getOrDefault(trigger.eventId(), List.of()));
			when(decisions.failures()).thenReturn(List.of());
			return new Evaluation("v1", trigger, decisions);
		});
		when(planner.apply(any(), any(), anyList(), anyList()))
			.thenAnswer(call -> call.<Evaluation>getArgument(0).decisions().wakeups());
		doAnswer(call -> settled.add(List.copyOf(call.getArgument(0)))).when(scheduler).settled(any());
	}

	@Test
	void aWakeupNoLongerAskedForIsSettledAfterTheShareThatStoppedAskingForIt() {
		asks.put("e-1", List.of(PROMISE_CHECK));
		processor.processAll(List.of(event("e-1", "c-1")));
		assertThat(settled).isEmpty();

		processor.processAll(List.of(event("e-2", "c-1")));

		assertThat(settled).containsExactly(List.of(PROMISE_CHECK));
	}

	@Test
	void oneAskedForAgainLaterInTheSameShareStays() {
		asks.put("e-1", List.of(PROMISE_CHECK));
		asks.put("e-3", List.of(PROMISE_CHECK));

		processor.processAll(List.of(event("e-1", "c-1"), event("e-2", "c-1"), event("e-3", "c-1")));

		assertThat(settled).isEmpty();
		assertThat(kept.get("c-1").askedWakeups()).hasSize(1);
	}

	@Test
	void aShareThatFailsWithdrawsNothing() {
		asks.put("e-1", List.of(PROMISE_CHECK));
		processor.processAll(List.of(event("e-1", "c-1")));
		doAnswer(call -> {
			if (call.<Evaluation>getArgument(0).trigger().eventId().equals("e-3")) {
				throw new IllegalStateException("the database went away");
			}
			return call.<Evaluation>getArgument(0).decisions().wakeups();
		}).when(planner).apply(any(), any(), anyList(), anyList());

		List<Event> share = List.of(event("e-2", "c-1"), event("e-3", "c-1"));
		assertThatThrownBy(() -> processor.processAll(share)).hasMessageContaining("the database went away");

		verify(scheduler, never()).settled(any());
		verify(states, atLeastOnce()).forget("c-1");
	}

	@Test
	void aWithdrawalThatFailsFailsItsShareSoItIsTriedAgain() {
		asks.put("e-1", List.of(PROMISE_CHECK));
		processor.processAll(List.of(event("e-1", "c-1")));
		doAnswer(call -> {
			throw new IllegalStateException("the database went away");
		}).when(scheduler).settled(any());

		List<Event> share = List.of(event("e-2", "c-1"));
		assertThatThrownBy(() -> processor.processAll(share)).hasMessageContaining("the database went away");
		verify(states).forget("c-1");
	}
}
