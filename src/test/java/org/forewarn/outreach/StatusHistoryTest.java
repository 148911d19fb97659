package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.forewarn.BothDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A record is stored with its first history step, and each status change with its step, or neither: on PostgreSQL
 * in one statement, on H2 in the caller's transaction. A duplicate record is refused without failing the caller's
 * transaction. In the tables on H2 and on PostgreSQL, and in a replay's memory.
 */
class StatusHistoryTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
	/** Longer than the history's actor column: its step cannot be stored. */
	private static final String TOO_LONG_ACTOR = "a".repeat(101);

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aRecordAndEachChangeOfItsStatusHaveTheirHistoryStep(String vendor) {
		DataSource dataSource = OutreachPlaces.database(databases, vendor);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		OutreachStore store = OutreachPlaces.store(OutreachPlaces.rows(vendor, dataSource), meters);
		// made by a person an hour ago from a decision a day old: the step is theirs, at the moment they acted
		assertThat(store.insert(scheduled("o-1"), "k1", "lead@example.com", NOW.minus(Duration.ofHours(1)))).isTrue();
		// a duplicate leaves the caller's transaction usable (PostgreSQL would abort it on a failed statement)
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
			assertThat(store.insert(scheduled("o-2"), "k1", false)).as("same dedupe key").isFalse();
			assertThat(store.insert(scheduled("o-1"), "k2", false)).as("same id").isFalse();
			assertThat(store.insert(scheduled("o-3"), "k3", false)).isTrue();
		});

		assertThat(store.suppress("o-1", "no consent for email", NOW, false)).isTrue();
		assertThat(store.suppress("o-1", "no consent for email", NOW, false)).as("already suppressed").isFalse();
		assertThat(store.transitionBy("o-1", List.of(OutreachStatus.SUPPRESSED), OutreachStatus.CANCELLED,
				"called off by hand", NOW.plusSeconds(60), "lead@example.com")).isTrue();

		assertThat(store.history("o-1")).extracting(StatusChange::status, StatusChange::reason, StatusChange::actor,
				StatusChange::at)
			.containsExactly(tuple(OutreachStatus.SCHEDULED, null, "lead@example.com", NOW.minus(Duration.ofHours(1))),
					tuple(OutreachStatus.SUPPRESSED, "no consent for email", null, NOW),
					tuple(OutreachStatus.CANCELLED, "called off by hand", "lead@example.com", NOW.plusSeconds(60)));
		assertThat(store.find("o-2")).isEmpty();
		assertThat(store.history("o-2")).isEmpty();
		assertThat(store.history("o-3")).extracting(StatusChange::status).containsExactly(OutreachStatus.SCHEDULED);
		assertThat(meters.find("forewarn.outreach.status.changes").tag("status", "SCHEDULED").counter().count())
			.as("records made, not the duplicates").isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aChangeWhoseHistoryStepCannotBeStoredIsNotStoredEither(String vendor) {
		DataSource dataSource = OutreachPlaces.database(databases, vendor);
		OutreachStore store = OutreachPlaces.store(OutreachPlaces.rows(vendor, dataSource));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		store.insert(scheduled("o-1"), "k1", false);

		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> cancel(store, "o-1")))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> store.insert(scheduled("o-2"), "k2",
				TOO_LONG_ACTOR, NOW))).isInstanceOf(DataIntegrityViolationException.class);
		// one statement on PostgreSQL: the same holds outside any transaction (both throw either way; what they
		// leave behind is asserted below)
		if (vendor.equals("postgresql")) {
			assertThatThrownBy(() -> cancel(store, "o-1")).isInstanceOf(DataIntegrityViolationException.class);
			assertThatThrownBy(() -> store.insert(scheduled("o-2"), "k2", TOO_LONG_ACTOR, NOW))
				.isInstanceOf(DataIntegrityViolationException.class);
		}

		assertThat(store.find("o-1").orElseThrow().status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(store.history("o-1")).extracting(StatusChange::status).containsExactly(OutreachStatus.SCHEDULED);
		assertThat(store.find("o-2")).isEmpty();
		assertThat(store.history("o-2")).isEmpty();
	}

	private static void cancel(OutreachStore store, String id) {
		store.transitionBy(id, List.of(OutreachStatus.SCHEDULED), OutreachStatus.CANCELLED, "called off by hand", NOW,
				TOO_LONG_ACTOR);
	}

	private static Outreach scheduled(String id) {
		return ScheduledOutreach.of(id, "email", "late-rule", NOW.minus(Duration.ofDays(1)));
	}
}
