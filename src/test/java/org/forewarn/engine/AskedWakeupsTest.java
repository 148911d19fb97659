package org.forewarn.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.forewarn.customer.AskedWakeup;
import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Decisions.RuleFailure;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The wakeups the rules asked for while they ask for them, not yet due, are kept with the state; those they no longer
 * ask for are withdrawn, unless a rule failed (its wakeups were dropped with its other decisions). A plain wakeup is
 * never withdrawn.
 */
class AskedWakeupsTest {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private final CustomerState state = new CustomerState("c-1");

	@Test
	void wakeupsNoLongerAskedForAreWithdrawnAndTheNewOnesKept() {
		Wakeup promise = wakeup(NOW.plusSeconds(3600), "o-1", "promise check");
		Wakeup handoff = wakeup(NOW.plusSeconds(60), "o-1", "handoff deadline");
		Wakeup spent = wakeup(NOW.minusSeconds(60), "o-2", "scan silence");
		assertThat(AskedWakeups.update(state, evaluation(List.of(promise, handoff, spent)))).isEmpty();
		assertThat(state.askedWakeups()).containsExactly(asked(promise), asked(handoff));

		Wakeup moved = wakeup(NOW.plusSeconds(7200), "o-1", "promise check");
		List<Wakeup> withdrawn = AskedWakeups.update(state, evaluation(List.of(handoff, moved)));

		assertThat(withdrawn).containsExactly(promise);
		assertThat(state.askedWakeups()).containsExactly(asked(handoff), asked(moved));
		assertThat(AskedWakeups.update(state, evaluation(List.of()))).containsExactly(handoff, moved);
		assertThat(state.askedWakeups()).isEmpty();
	}

	@Test
	void onlyWakeupsNotYetDueAreWithdrawnAndNeverOneThatOnlyDispatches() {
		Wakeup dueNow = wakeup(NOW, "o-1", "promise check");
		Wakeup dispatch = wakeup(NOW.plusSeconds(60), "o-1", "dispatch");
		state.askedWakeups(List.of(asked(dueNow), asked(wakeup(NOW.minusSeconds(1), "o-2", "scan silence"))));

		assertThat(AskedWakeups.update(state, evaluation(List.of(dispatch)))).isEmpty();
		assertThat(state.askedWakeups()).isEmpty();
	}

	@Test
	void whenARuleFailedNothingIsWithdrawnAndWhatWasAskedForBeforeIsKept() {
		Wakeup before = wakeup(NOW.plusSeconds(3600), "o-1", "promise check");
		Wakeup now = wakeup(NOW.plusSeconds(60), "o-2", "scan silence");
		state.askedWakeups(List.of(asked(before)));
		Evaluation failed = evaluation(List.of(now));
		when(failed.decisions().failures()).thenReturn(List.of(new RuleFailure("shipment-late-wake", "boom")));

		assertThat(AskedWakeups.update(state, failed)).isEmpty();
		assertThat(state.askedWakeups()).containsExactlyInAnyOrder(asked(before), asked(now));
	}

	@Test
	void aPlainWakeupIsNeverWithdrawnAndKeepsOneAskedForWhileAskedFromBeingWithdrawn() {
		Wakeup feedbackCall = wakeup(NOW.plusSeconds(3600), "o-1", "feedback call");
		assertThat(AskedWakeups.update(state, evaluation(List.of(feedbackCall), List.of()))).isEmpty();
		assertThat(AskedWakeups.update(state, evaluation(List.of()))).isEmpty();
		assertThat(state.askedWakeups()).containsExactly(plain(feedbackCall));

		Wakeup promise = wakeup(NOW.plusSeconds(7200), "o-1", "promise check");
		AskedWakeups.update(state, evaluation(List.of(promise)));
		assertThat(AskedWakeups.update(state, evaluation(List.of(promise), List.of()))).isEmpty();
	}

	@Test
	void aWakeupAlsoAskedForPlainlyIsKeptUntilDueThoughNoLongerAskedFor() {
		Wakeup handoff = wakeup(NOW.plusSeconds(3600), "o-1", "handoff deadline");
		// one rule asks for it on order.placed only, another while the order is not shipped
		AskedWakeups.update(state, evaluation(List.of(handoff, handoff), List.of(handoff)));
		assertThat(state.askedWakeups()).containsExactly(plain(handoff));
		assertThat(AskedWakeups.update(state, evaluation(List.of()))).isEmpty();
		assertThat(state.askedWakeups()).containsExactly(plain(handoff));

		// asked for plainly first, while asked later: the same
		CustomerState other = new CustomerState("c-1");
		AskedWakeups.update(other, evaluation(List.of(handoff), List.of()));
		AskedWakeups.update(other, evaluation(List.of(handoff)));
		assertThat(AskedWakeups.update(other, evaluation(List.of()))).isEmpty();
		assertThat(other.askedWakeups()).containsExactly(plain(handoff));
	}

	private static Evaluation evaluation(List<Wakeup> wakeups) {
		return evaluation(wakeups, wakeups);
	}

	/** {@code whileAsked}: those of {@code wakeups} asked for only while the rules keep asking. */
	private static Evaluation evaluation(List<Wakeup> wakeups, List<Wakeup> whileAsked) {
		Decisions decisions = mock(Decisions.class);
		when(decisions.wakeups()).thenReturn(wakeups);
		when(decisions.whileAsked()).thenReturn(whileAsked);
		when(decisions.failures()).thenReturn(List.of());
		return new Evaluation("v1", new Trigger("e-1", "order.shipped", NOW, "o-1", Map.of()), decisions);
	}

	private static Wakeup wakeup(Instant at, String orderId, String label) {
		return new Wakeup("c-1", at, orderId, label);
	}

	private static AskedWakeup plain(Wakeup wakeup) {
		return new AskedWakeup(wakeup.at(), wakeup.orderId(), wakeup.label(), true);
	}

	private static AskedWakeup asked(Wakeup wakeup) {
		return new AskedWakeup(wakeup.at(), wakeup.orderId(), wakeup.label(), false);
	}
}
