package org.forewarn.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings a replay starts with, and which of them the caller may change. */
class ReplaySessionTest {

	private static final String STATE_CACHE = "--forewarn.state-cache.customers=";

	@Test
	void aReplayKeepsFarMoreCustomerStatesThanALiveLane() {
		assertThat(ReplaySession.arguments("jdbc:h2:mem:t", List.of("--forewarn.rules=rules")))
			.filteredOn(arg -> arg.startsWith(STATE_CACHE))
			.containsExactly(STATE_CACHE + ReplaySession.STATES_KEPT);
	}

	@Test
	void theCallerSetsHowManyStatesAreKeptWithoutASecondValueBeside() {
		// given twice, Spring would join both values into one that is not a number
		assertThat(ReplaySession.arguments("jdbc:h2:mem:t", List.of(STATE_CACHE + "0")))
			.filteredOn(arg -> arg.startsWith(STATE_CACHE))
			.containsExactly(STATE_CACHE + "0");
	}

	@Test
	void closingASessionDropsItsDatabase() throws Exception {
		ReplaySession session = ReplaySession.start(List.of());
		try (Connection open = session.connect()) {
			assertThat(open.isValid(1)).isTrue();
		}

		session.close();

		assertThatThrownBy(() -> session.connect().close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("not found");
	}
}
