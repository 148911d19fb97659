package org.forewarn.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Holdout assignment: stable, close to the configured share, and different for another experiment. */
class HoldoutGroupsTest {

	private static final int CUSTOMERS = 10_000;

	@Test
	void holdsOutTheConfiguredShareTheSameWayEveryTime() {
		Set<String> first = heldOut(groups(10, "experiment-a", "k1"), 10);
		// a new instance (a restart, another node, a replay) with the same settings places everyone the same way
		Set<String> again = heldOut(groups(10, "experiment-a", "k1"), 10);

		assertThat(again).isEqualTo(first);
		// binomial(10,000, 0.1): standard deviation 30; 1,000 +- 100 is over three of them
		assertThat(first.size()).isBetween(900, 1_100);
	}

	@Test
	void anotherSaltOrKeyPicksOtherCustomers() {
		Set<String> a = heldOut(groups(10, "experiment-a", "k1"), 10);
		Set<String> b = heldOut(groups(10, "experiment-b", "k1"), 10);
		Set<String> otherKey = heldOut(groups(10, "experiment-a", "k2"), 10);

		assertThat(b.size()).isBetween(900, 1_100);
		// independent picks share about 10 % of 10 % of the customers (100); the same pick would share 1,000
		assertThat(overlap(a, b)).isBetween(40, 180);
		assertThat(overlap(a, otherKey)).isBetween(40, 180);
	}

	@Test
	void aLargerShareOnlyAddsCustomers() {
		HoldoutGroups groups = groups(10, "experiment-a", "k1");
		Set<String> ten = heldOut(groups, 10);
		Set<String> twenty = heldOut(groups, 20);

		assertThat(twenty).containsAll(ten);
		assertThat(twenty.size()).isBetween(1_850, 2_150);
		assertThat(heldOut(groups, 0)).isEmpty();
		assertThat(heldOut(groups, 100)).hasSize(CUSTOMERS);
	}

	@Test
	void overridesPerRuleThenProblemThenTheDefaultAndTasksOnlyWhenAsked() {
		HoldoutGroups groups = new HoldoutGroups(new HoldoutSettings(10, "s", "k", false,
				Map.of("payment.failed", 0.0, "churn.risk", 30.0), Map.of("churn: quiet for a month", 50.0)));

		assertThat(groups.percentFor("any", "shipment.late", "email", null)).isEqualTo(10);
		assertThat(groups.percentFor("any", "payment.failed", "sms", null)).isZero();
		assertThat(groups.percentFor("any", "churn.risk", "email", null)).isEqualTo(30);
		assertThat(groups.percentFor("churn: quiet for a month", "churn.risk", "email", null)).isEqualTo(50);
		assertThat(groups.percentFor("churn: quiet for a month", "churn.risk", "email", 0.0)).isZero();
		assertThat(groups.percentFor("any", "shipment.late", "task", 40.0)).isZero();
		HoldoutGroups withTasks = new HoldoutGroups(new HoldoutSettings(10, "s", "k", true, null, null));
		assertThat(withTasks.percentFor("any", "shipment.late", "task", null)).isEqualTo(10);
	}

	@Test
	void aShareWithoutAKeyOrOutOfRangeIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new HoldoutSettings(5, "s", "", false, null, null))
			.hasMessageContaining("forewarn.holdout.key is empty");
		assertThatThrownBy(() -> new HoldoutSettings(0, "s", "k", false, Map.of("payment.failed", 120.0), null))
			.hasMessageContaining("forewarn.holdout.problems.payment.failed: 120.0 is not a share between 0 and 100");
		// nothing held out: no key needed
		assertThat(new HoldoutSettings(0, "s", "", false, Map.of("payment.failed", 0.0), null).percent()).isZero();
	}

	private static HoldoutGroups groups(double percent, String salt, String key) {
		return new HoldoutGroups(new HoldoutSettings(percent, salt, key, false, null, null));
	}

	private static Set<String> heldOut(HoldoutGroups groups, double percent) {
		Set<String> held = new HashSet<>();
		IntStream.range(0, CUSTOMERS).mapToObj(i -> "customer-" + i)
			.filter(id -> groups.heldOut(id, percent)).forEach(held::add);
		return held;
	}

	private static int overlap(Set<String> a, Set<String> b) {
		Set<String> both = new HashSet<>(a);
		both.retainAll(b);
		return both.size();
	}
}
