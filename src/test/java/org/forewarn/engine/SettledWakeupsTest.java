package org.forewarn.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.forewarn.customer.CustomerState;
import org.forewarn.outreach.OutreachDispatcher.Dispatched;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The wakeups of work due at once are settled after the share's dispatch, in one go, those the dispatch asked for
 * itself too once it finished; the rules' own wakeups and those of a dispatch that failed or stopped with work left
 * are not, and a settle that fails costs nothing but the wakeups firing.
 */
class SettledWakeupsTest extends ProcessorOverMocks {

	private final List<Collection<Wakeup>> settled = new ArrayList<>();

	SettledWakeupsTest() {
		when(rules.evaluate(any(), any(), anyList()))
			.thenAnswer(call -> new Evaluation("v1", call.getArgument(1), mock(Decisions.class)));
		when(planner.apply(any(), any(), anyList(), anyList())).thenAnswer(call -> {
			String customerId = call.<CustomerState>getArgument(1).customerId();
			return List.of(dispatch(customerId), new Wakeup(customerId, NOW.plusSeconds(3600), "o-1", "handoff"));
		});
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

	@Test
	void workTheDispatchMadeDueAtOnceIsSettledWithTheShareOnceTheDispatchFinishedIt() {
		Wakeup fallback = new Wakeup("c-1", NOW, "o-1", "dispatch");
		Wakeup retry = new Wakeup("c-1", NOW.plusSeconds(60), "o-1", "dispatch");
		dispatchAsking(true, fallback, retry);
		doAnswer(call -> settled.add(List.copyOf(call.getArgument(0)))).when(scheduler).settled(any());

		processor.processAll(List.of(event("e-1", "c-1")));

		verify(scheduler).schedule(fallback);
		verify(scheduler).schedule(retry);
		assertThat(settled).singleElement()
			.satisfies(wakeups -> assertThat(wakeups).containsExactlyInAnyOrder(dispatch("c-1"), fallback));
	}

	@Test
	void aDispatchThatStoppedWithWorkLeftKeepsTheWakeupsItAskedFor() {
		Wakeup fallback = new Wakeup("c-1", NOW, "o-1", "dispatch");
		dispatchAsking(false, fallback);
		doAnswer(call -> settled.add(List.copyOf(call.getArgument(0)))).when(scheduler).settled(any());

		processor.processAll(List.of(event("e-1", "c-1")));

		verify(scheduler).schedule(fallback);
		assertThat(settled).singleElement()
			.satisfies(wakeups -> assertThat(wakeups).containsExactly(dispatch("c-1")));
	}

	/** The dispatch asks for these wakeups, then says whether it finished what was due. */
	private void dispatchAsking(boolean finished, Wakeup... asked) {
		when(dispatcher.dispatchDue(any(), any())).thenAnswer(call -> {
			List.of(asked).forEach(call.<Consumer<Wakeup>>getArgument(1));
			return new Dispatched(NOW, finished);
		});
	}

	private static Wakeup dispatch(String customerId) {
		return new Wakeup(customerId, NOW.minusSeconds(1), "o-1", "dispatch");
	}
}
