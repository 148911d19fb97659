package org.forewarn.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Lift per rule: the verdicts, and how long the current volume takes to reach the minimum count. */
class LiftTest {

	private static final Instant T = Instant.parse("2026-03-02T00:00:00Z");

	@Test
	void estimatesTheDaysUntilTheSmallerGroupReachesTheMinimumAtTheVolumeSoFar() {
		// ten days: 40 contacted (4 a day) and 10 held out (1 a day); 100 each needed
		Map<Exposure, Attribution.Followed> followed = new LinkedHashMap<>();
		add(followed, 40, false, Duration.ofDays(10));
		add(followed, 10, true, Duration.ofDays(10));

		Lift lift = only(Lift.of(followed, 100, T.plus(Duration.ofDays(10))));

		assertThat(lift.enoughData()).isFalse();
		assertThat(lift.note()).isEqualTo("not enough data yet: fewer than 100 customers in a group");
		// the held-out group needs 90 more at 1 a day; the contacted one would be done in 15
		assertThat(lift.daysToEnoughData()).isEqualTo(90.0);
		assertThat(lift.outcomes()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo("not enough data yet"));
	}

	@Test
	void aGroupNobodyJoinsGetsNoEstimate() {
		Map<Exposure, Attribution.Followed> everybodyHeldOut = new LinkedHashMap<>();
		add(everybodyHeldOut, 20, true, Duration.ofDays(5));
		Map<Exposure, Attribution.Followed> nobodyHeldOut = new LinkedHashMap<>();
		add(nobodyHeldOut, 20, false, Duration.ofDays(5));

		Lift allHeld = only(Lift.of(everybodyHeldOut, 100, T.plus(Duration.ofDays(5))));
		Lift noneHeld = only(Lift.of(nobodyHeldOut, 100, T.plus(Duration.ofDays(5))));

		assertThat(allHeld.note()).isEqualTo("not enough data yet: everybody was held out of this rule's outreach");
		assertThat(allHeld.daysToEnoughData()).isNull();
		assertThat(allHeld.heldOut()).isEqualTo(20);
		assertThat(noneHeld.note()).isEqualTo("not enough data yet: nobody was held out of this rule's outreach");
		assertThat(noneHeld.daysToEnoughData()).isNull();
	}

	@Test
	void verdictsOnceBothGroupsAreLargeEnough() {
		Map<Exposure, Attribution.Followed> followed = new LinkedHashMap<>();
		// 10 of 100 contacted cancel and 30 of 100 held out; ticket rates equal
		add(followed, 100, false, Duration.ofDays(10));
		add(followed, 100, true, Duration.ofDays(10));
		int contactedCancels = 0;
		int heldOutCancels = 0;
		int[] tickets = new int[2];
		for (Map.Entry<Exposure, Attribution.Followed> e : followed.entrySet()) {
			boolean held = e.getKey().heldOut();
			if (held ? heldOutCancels++ < 30 : contactedCancels++ < 10) {
				e.getValue().outcomes().add(OutcomeKind.ORDER_CANCELLED);
			}
			if (tickets[held ? 1 : 0]++ < 12) {
				e.getValue().outcomes().add(OutcomeKind.TICKET_OPENED);
			}
		}

		Lift lift = only(Lift.of(followed, 100, T.plus(Duration.ofDays(10))));

		assertThat(lift.enoughData()).isTrue();
		assertThat(lift.note()).isNull();
		assertThat(lift.daysToEnoughData()).isNull();
		Lift.Rate cancelled = rate(lift, "order cancelled");
		assertThat(cancelled.difference()).isCloseTo(-0.2, within(1e-9));
		assertThat(cancelled.high()).isNegative();
		assertThat(cancelled.verdict()).isEqualTo("lower after outreach");
		Lift.Rate tickets12 = rate(lift, "support ticket opened");
		assertThat(tickets12.low()).isNegative();
		assertThat(tickets12.high()).isPositive();
		assertThat(tickets12.verdict()).isEqualTo("no difference shown");
	}

	/** {@code count} exposures of one rule spread evenly over {@code span} from T. */
	private static void add(Map<Exposure, Attribution.Followed> followed, int count, boolean heldOut, Duration span) {
		for (int i = 0; i < count; i++) {
			Instant at = T.plus(span.multipliedBy(i).dividedBy(count));
			followed.put(new Exposure((heldOut ? "h" : "c") + i, (heldOut ? "held-" : "cust-") + i, "rule A",
					"order.not_shipped", at, heldOut), Attribution.Followed.empty());
		}
	}

	private static Lift only(List<Lift> lifts) {
		assertThat(lifts).hasSize(1);
		return lifts.get(0);
	}

	private static Lift.Rate rate(Lift lift, String outcome) {
		return lift.outcomes().stream().filter(r -> r.outcome().equals(outcome)).findFirst().orElseThrow();
	}
}
