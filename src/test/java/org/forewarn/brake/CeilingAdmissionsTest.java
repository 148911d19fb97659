package org.forewarn.brake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.forewarn.MigratedH2;
import org.forewarn.replay.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ceiling's admissions in its table: a sliding hour, one place per outreach, aged-out ones deleted in bulk. */
class CeilingAdmissionsTest {

	private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);
	private JdbcClient jdbc;
	private HourlyCeiling ceiling;

	@BeforeEach
	void open() {
		DataSource dataSource = MigratedH2.dataSource();
		jdbc = JdbcClient.create(dataSource);
		ceiling = new HourlyCeiling(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				new BrakeSettings(0, Duration.ofSeconds(5), null), clock);
	}

	@Test
	void placesFreeUpAnHourAfterTheyWereTaken() {
		assertThat(ceiling.admit("r", 2, "o1")).isTrue();
		clock.set(START.plusSeconds(1800));
		assertThat(ceiling.admit("r", 2, "o2")).isTrue();
		assertThat(ceiling.admit("r", 2, "o3")).isFalse();

		clock.set(START.plus(Duration.ofHours(1)).plusSeconds(1)); // o1's place is free, o2's not
		assertThat(ceiling.admit("r", 2, "o3")).isTrue();
		assertThat(ceiling.admit("r", 2, "o4")).isFalse();
		assertThat(ceiling.usedLastHour("r")).isEqualTo(2);
	}

	@Test
	void anOutreachAdmittedBeforeIsAdmittedAgainWithoutASecondPlace() {
		assertThat(ceiling.admit("r", 1, "o1")).isTrue();

		assertThat(ceiling.admit("r", 1, "o1")).isTrue();
		assertThat(ceiling.admit("r", 1, "o2")).isFalse();
		assertThat(ceiling.usedLastHour("r")).isEqualTo(1);
	}

	@Test
	void rulesCountApart() {
		assertThat(ceiling.admit("r", 1, "o1")).isTrue();

		assertThat(ceiling.admit("s", 1, "o2")).isTrue();
		assertThat(ceiling.admit("r", 1, "o3")).isFalse();
	}

	@Test
	void anOutreachCheckedAgainLaterKeepsItsPlaceAndTakesNoOther() {
		assertThat(ceiling.admit("r", 1, "o1")).isTrue();
		clock.set(START.plus(Duration.ofHours(2))); // a send put back by the provider rate, long after

		assertThat(ceiling.admit("r", 1, "o1")).isTrue();
		assertThat(ceiling.usedLastHour("r")).isZero();
	}

	@Test
	void anOutreachAdmittedUnderAnotherRuleNameIsAdmittedAgain() {
		// a rule renamed between two checks of one send (rule ids): the admission keeps the name it was taken under
		assertThat(ceiling.admit("old-name", 1, "o1")).isTrue();

		assertThat(ceiling.admit("new-name", 1, "o1")).isTrue();
		assertThat(rows("new-name")).isZero();
	}

	@Test
	void agedOutAdmissionsAreDeletedAHundredAtATime() {
		int most = 0;
		for (int minute = 0; minute < 6 * 60; minute++) {
			clock.set(START.plus(Duration.ofMinutes(minute)));
			assertThat(ceiling.admit("r", 1_000, "o" + minute)).isTrue();
			assertThat(ceiling.usedLastHour("r")).isEqualTo(Math.min(minute + 1, 60));
			most = Math.max(most, rows("r"));
		}
		// the last hour's 60, and 99 aged out: the next send finds 100 and deletes them
		assertThat(most).isEqualTo(60 + HourlyCeiling.PRUNE_AT - 1);
	}

	private int rows(String rule) {
		return jdbc.sql("select count(*) from brake_ceiling_admission where rule_name = ?").param(rule)
			.query(Integer.class).single();
	}
}
