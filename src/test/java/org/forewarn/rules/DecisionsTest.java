package org.forewarn.rules;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule whose action fails loses the wakeups it asked for in that firing, of either kind; other firings keep theirs. */
class DecisionsTest {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	@Test
	void aFailingFiringDropsItsWakeupsOfEitherKind() {
		Decisions decisions = new Decisions("c-1");
		decisions.enterRule("shipment-late-wake", List.of());
		decisions.wakeAtWhileAsked(AT, "o-1", "promise check");
		decisions.enterRule("feedback-wake", List.of());
		decisions.wakeAt(AT, "o-2", "feedback call");
		decisions.wakeAtWhileAsked(AT, "o-2", "scan silence");
		decisions.ruleFailed("feedback-wake", new IllegalStateException("boom"));

		Wakeup promise = new Wakeup("c-1", AT, "o-1", "promise check");
		assertThat(decisions.wakeups()).containsExactly(promise);
		assertThat(decisions.whileAsked()).containsExactly(promise);
		assertThat(decisions.failed("feedback-wake")).isTrue();
	}
}
