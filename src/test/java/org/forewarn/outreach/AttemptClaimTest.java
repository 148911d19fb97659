package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An attempt is claimed once: only from the number of attempts the sender saw, only while the record is SCHEDULED,
 * and the claim and its attempt row are stored together or not at all.
 * In the tables on H2 and on PostgreSQL, and in a replay's memory.
 */
class AttemptClaimTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void anAttemptIsClaimedOnceAndOnlyFromWhatTheSenderSaw(String place) {
		Stores stores = Stores.on(place, OutreachPlaces.database(databases, place));
		OutreachStore outreach = stores.outreach();
		AttemptStore attempts = stores.attempts();
		Outreach o = scheduled("o-1");
		outreach.insert(o, "k1", false);
		outreach.insert(scheduled("o-2"), "k2", false);
		outreach.suppress("o-2", "no consent for email", NOW, false);

		assertThat(attempts.claim(o, 0, NOW)).isTrue();
		assertThat(attempts.claim(o, 0, NOW)).as("claimed already by another sender").isFalse();
		assertThat(attempts.claim(scheduled("o-2"), 0, NOW)).as("no longer scheduled").isFalse();
		assertThat(attempts.claim(o, 1, NOW.plusSeconds(60))).as("the next attempt").isTrue();

		assertThat(attempts.list("o-1")).extracting(Attempt::attempt, Attempt::channel, Attempt::startedAt)
			.containsExactly(tuple(1, "email", NOW),
					tuple(2, "email", NOW.plusSeconds(60)));
		assertThat(attempts.list("o-2")).isEmpty();
		assertThat(outreach.find("o-1").orElseThrow().delivery().attempts()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aClaimIsStoredWithItsAttemptRowOrNotAtAll(String vendor) {
		Stores stores = Stores.on(vendor, databases.fresh(vendor));
		OutreachStore outreach = stores.outreach();
		AttemptStore attempts = stores.attempts();
		Outreach o = scheduled("o-1");
		outreach.insert(o, "k1", false);

		// within a caller's transaction the claim goes with it
		stores.transaction().executeWithoutResult(tx -> {
			assertThat(attempts.claim(o, 0, NOW)).isTrue();
			tx.setRollbackOnly();
		});
		assertThat(attempts.list("o-1")).isEmpty();
		assertThat(outreach.find("o-1").orElseThrow().delivery().attempts()).isZero();

		// an attempt row that cannot be written leaves the count as it was
		stores.jdbc().sql("insert into outreach_attempt (outreach_id, attempt, channel, started_at) "
				+ "values ('o-1', 1, 'email', ?)")
			.param(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)).update();
		assertThatThrownBy(() -> attempts.claim(o, 0, NOW)).isInstanceOf(DuplicateKeyException.class);
		assertThat(outreach.find("o-1").orElseThrow().delivery().attempts()).isZero();
	}

	/** The stores a sender uses, on one database. */
	private record Stores(JdbcClient jdbc, TransactionTemplate transaction, OutreachStore outreach,
			AttemptStore attempts) {

		static Stores on(String place, DataSource dataSource) {
			OutreachRows rows = OutreachPlaces.rows(place, dataSource);
			return new Stores(JdbcClient.create(dataSource),
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)), OutreachPlaces.store(rows),
					new AttemptStore(rows));
		}
	}

	private static Outreach scheduled(String id) {
		return ScheduledOutreach.of(id, "email", "late-rule", NOW.minus(Duration.ofDays(1)));
	}
}
