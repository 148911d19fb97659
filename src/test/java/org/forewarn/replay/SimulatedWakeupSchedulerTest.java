package org.forewarn.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay's wakeups fire in time order; one settled while queued does not fire, unless it is asked for again. */
class SimulatedWakeupSchedulerTest {

	private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

	private final SimulatedWakeupScheduler wakeups = new SimulatedWakeupScheduler();

	@Test
	void aSettledWakeupIsSkippedAndOneAskedForAgainAfterwardsFires() {
		Wakeup settled = new Wakeup("c-1", T, "o-1", "dispatch");
		Wakeup again = new Wakeup("c-2", T.plusSeconds(1), "o-2", "dispatch");
		Wakeup twice = new Wakeup("c-3", T.plusSeconds(2), "o-3", "dispatch");
		Wakeup later = new Wakeup("c-4", T.plusSeconds(3), null, "check");
		List.of(later, twice, again, settled).forEach(wakeups::schedule);

		wakeups.settled(List.of(settled, again, twice));
		wakeups.schedule(again);
		wakeups.schedule(twice);
		wakeups.settled(List.of(twice));
		wakeups.settled(List.of(new Wakeup("c-9", T, null, "dispatch"))); // never asked for: nothing to skip

		assertThat(wakeups.pendingCount()).isEqualTo(2);
		assertThat(fired()).containsExactly(again, later);
		assertThat(wakeups.pendingCount()).isZero();
	}

	private List<Wakeup> fired() {
		List<Wakeup> fired = new ArrayList<>();
		for (Wakeup next = wakeups.pollDue(T.plusSeconds(60)); next != null; next = wakeups.pollDue(T.plusSeconds(60))) {
			fired.add(next);
		}
		return fired;
	}
}
