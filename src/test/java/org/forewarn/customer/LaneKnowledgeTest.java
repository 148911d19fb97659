package org.forewarn.customer;

import java.time.Instant;

import javax.sql.DataSource;

import org.forewarn.MigratedH2;
import org.forewarn.customer.CustomerStateStore.Known;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a lane learned of a customer (no outreach, no open detection) holds only while the stored row keeps the
 * revision it was learned at: another instance's work on the customer makes it unknown again.
 */
class LaneKnowledgeTest {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
	private static final Known NONE_OF_EITHER = new Known(true, true);

	private JdbcClient jdbc;
	private CustomerStateStore lane;
	private CustomerStateStore otherInstance;

	@BeforeEach
	void database() {
		DataSource dataSource = MigratedH2.dataSource();
		jdbc = JdbcClient.create(dataSource);
		lane = new CustomerStateStore(jdbc, new JdbcTemplate(dataSource), new StateCacheSettings(100, false, false));
		otherInstance = new CustomerStateStore(jdbc, new JdbcTemplate(dataSource),
				new StateCacheSettings(100, false, false));
	}

	@Test
	void whatTheLaneLearnedHoldsAcrossItsOwnSaves() {
		CustomerState state = lane.loadInLane("c-1");
		lane.save(state, AT);
		lane.learned("c-1", NONE_OF_EITHER);

		CustomerState next = lane.loadInLane("c-1");
		assertThat(lane.known("c-1")).isEqualTo(NONE_OF_EITHER);
		lane.save(next, AT.plusSeconds(60));
		assertThat(lane.loadInLane("c-1")).isSameAs(next);
		assertThat(lane.known("c-1")).isEqualTo(NONE_OF_EITHER);
	}

	@Test
	void aCustomerSeenForTheFirstTimeIsKnownForNothing() {
		lane.loadInLane("c-1");

		assertThat(lane.known("c-1")).isEqualTo(Known.NOTHING);
	}

	@Test
	void anotherInstanceSavingTheStateMakesItUnknown() {
		learnedAfterSaving("c-1");
		otherInstance.save(otherInstance.loadInLane("c-1"), AT.plusSeconds(60));

		lane.loadInLane("c-1");

		assertThat(lane.known("c-1")).isEqualTo(Known.NOTHING);
	}

	@Test
	void anotherInstanceTouchingTheStateMakesItUnknownAndChangesNothingElse() {
		CustomerState state = learnedAfterSaving("c-1");
		state.order("o-1").placed(AT, null, null, null, null, null);
		lane.save(state, AT);
		String stored = storedJson("c-1");

		otherInstance.touch("c-1"); // a timer there gave the customer their first outreach

		CustomerState loaded = lane.loadInLane("c-1");
		assertThat(lane.known("c-1")).isEqualTo(Known.NOTHING);
		assertThat(loaded).isNotSameAs(state);
		assertThat(loaded.orders()).containsOnlyKeys("o-1");
		assertThat(storedJson("c-1")).isEqualTo(stored);
	}

	@Test
	void theLanesOwnTouchKeepsItsStateAndWhatItKnows() {
		CustomerState state = learnedAfterSaving("c-1");

		lane.touch("c-1");

		assertThat(lane.loadInLane("c-1")).isSameAs(state);
		assertThat(lane.known("c-1")).isEqualTo(NONE_OF_EITHER);
	}

	@Test
	void touchingACustomerWithoutAStoredStateStoresNone() {
		lane.touch("c-1");

		assertThat(jdbc.sql("select count(*) from customer_state").query(Integer.class).single()).isZero();
	}

	@Test
	void aFailedProcessingForgetsWhatItLearned() {
		learnedAfterSaving("c-1");
		lane.forget("c-1");

		lane.loadInLane("c-1");

		assertThat(lane.known("c-1")).isEqualTo(Known.NOTHING);
	}

	@Test
	void anUnreadableRowLeavesNothingKnown() {
		learnedAfterSaving("c-1");
		jdbc.sql("update customer_state set state = '{broken', revision = 7 where customer_id = ?").param("c-1")
			.update();

		// the processor then folds the customer's events again: it must not use what was known of the old row
		assertThatThrownBy(() -> lane.loadInLane("c-1")).isInstanceOf(CustomerStateStore.UnreadableStateException.class);

		assertThat(lane.known("c-1")).isEqualTo(Known.NOTHING);
	}

	private CustomerState learnedAfterSaving(String customerId) {
		CustomerState state = lane.loadInLane(customerId);
		lane.save(state, AT);
		lane.learned(customerId, NONE_OF_EITHER);
		return state;
	}

	private String storedJson(String customerId) {
		return jdbc.sql("select state from customer_state where customer_id = ?").param(customerId)
			.query(String.class).single();
	}
}
