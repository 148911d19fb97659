package org.forewarn.brake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.replay.MutableClock;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ceiling's admissions, wherever they are counted (in the table on H2 and on PostgreSQL, and in a replay's
 * memory), so that a replay lets through what live would: a sliding hour, one place per outreach, aged-out ones
 * deleted in bulk.
 */
class CeilingAdmissionsTest {

	private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	/** Admissions, made on a fresh database of the vendor. */
	record Store(String vendor, Function<DataSource, CeilingAdmissions> make) {
	}

	static Stream<Named<Store>> stores() {
		Function<DataSource, CeilingAdmissions> table = dataSource -> new TableCeilingAdmissions(
				JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		return Stream.of(Named.of("table on H2", new Store("h2", table)),
				Named.of("table on PostgreSQL", new Store("postgresql", table)),
				Named.of("memory", new Store("h2", dataSource -> new MemoryCeilingAdmissions())));
	}

	private final MutableClock clock = new MutableClock(START);
	private CeilingAdmissions admissions;

	private void open(Store store) {
		admissions = store.make().apply(databases.fresh(store.vendor()));
	}

	private boolean admit(String rule, int ceiling, String outreachId) {
		return admissions.admit(rule, ceiling, outreachId, clock.instant());
	}

	private int usedLastHour(String rule) {
		return admissions.usedAfter(rule, clock.instant().minus(Duration.ofHours(1)));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void placesFreeUpAnHourAfterTheyWereTaken(Store store) {
		open(store);
		assertThat(admit("r", 2, "o1")).isTrue();
		clock.set(START.plusSeconds(1800));
		assertThat(admit("r", 2, "o2")).isTrue();
		assertThat(admit("r", 2, "o3")).isFalse();

		clock.set(START.plus(Duration.ofHours(1))); // o1's place is free only once the hour has passed
		assertThat(admit("r", 2, "o3")).isTrue();
		assertThat(admit("r", 2, "o4")).isFalse();
		assertThat(usedLastHour("r")).isEqualTo(2);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void anOutreachAdmittedBeforeIsAdmittedAgainWithoutASecondPlace(Store store) {
		open(store);
		assertThat(admit("r", 1, "o1")).isTrue();

		assertThat(admit("r", 1, "o1")).isTrue();
		assertThat(admit("r", 1, "o2")).isFalse();
		assertThat(usedLastHour("r")).isEqualTo(1);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void rulesCountApart(Store store) {
		open(store);
		assertThat(admit("r", 1, "o1")).isTrue();

		assertThat(admit("s", 1, "o2")).isTrue();
		assertThat(admit("r", 1, "o3")).isFalse();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void anOutreachCheckedAgainLaterKeepsItsPlaceAndTakesNoOther(Store store) {
		open(store);
		assertThat(admit("r", 1, "o1")).isTrue();
		clock.set(START.plus(Duration.ofHours(2))); // a send put back by the provider rate, long after

		assertThat(admit("r", 1, "o1")).isTrue();
		assertThat(usedLastHour("r")).isZero();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void anOutreachAdmittedUnderAnotherRuleNameIsAdmittedAgain(Store store) {
		open(store);
		// a rule renamed between two checks of one send (rule ids): the admission keeps the name it was taken under
		assertThat(admit("old-name", 1, "o1")).isTrue();

		assertThat(admit("new-name", 1, "o1")).isTrue();
		assertThat(admissions.kept("new-name")).isZero();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void agedOutAdmissionsAreDeletedAHundredAtATime(Store store) {
		open(store);
		int most = 0;
		for (int minute = 0; minute < 6 * 60; minute++) {
			clock.set(START.plus(Duration.ofMinutes(minute)));
			assertThat(admit("r", 1_000, "o" + minute)).isTrue();
			assertThat(usedLastHour("r")).isEqualTo(Math.min(minute + 1, 60));
			most = Math.max(most, admissions.kept("r"));
		}
		// the last hour's 60, and 99 aged out: the next send finds 100 and deletes them
		assertThat(most).isEqualTo(60 + CeilingAdmissions.PRUNE_AT - 1);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void anOutreachWhoseAdmissionWasDeletedTakesANewPlace(Store store) {
		open(store);
		assertThat(admit("r", 1_000, "first")).isTrue();
		for (int i = 0; i < CeilingAdmissions.PRUNE_AT; i++) {
			clock.set(START.plus(Duration.ofMinutes(1 + i)));
			assertThat(admit("r", 1_000, "o" + i)).isTrue();
		}
		clock.set(START.plus(Duration.ofHours(3))); // all 101 aged out: the next count deletes them

		assertThat(admit("r", 1, "another")).isTrue();
		assertThat(admissions.kept("r")).isEqualTo(1);
		assertThat(admit("r", 1, "first")).isFalse(); // its place went with its admission; the one left is taken
	}

	@ParameterizedTest
	@MethodSource("stores")
	void admissionsAheadOfAClockThatWentBackCountAsThisHourAndStay(Store store) {
		open(store);
		clock.set(START.plus(Duration.ofHours(5)));
		assertThat(admit("r", 1_000, "ahead")).isTrue();
		clock.set(START); // another instance's clock, or one set back
		for (int i = 0; i < CeilingAdmissions.PRUNE_AT; i++) {
			clock.set(START.plus(Duration.ofSeconds(i)));
			assertThat(admit("r", 1_000, "o" + i)).isTrue();
		}
		clock.set(START.plus(Duration.ofHours(2))); // the hundred aged out, the one ahead not

		assertThat(usedLastHour("r")).isEqualTo(1);
		assertThat(admit("r", 2, "next")).isTrue();
		assertThat(admissions.kept("r")).isEqualTo(2);
		assertThat(admit("r", 2, "ahead")).isTrue();
		assertThat(admit("r", 2, "one more")).isFalse();
	}
}
