package org.forewarn.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.forewarn.shared.StoredTime;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's clock gives times the database stores and reads back unchanged, on H2 and on PostgreSQL: a time
 * with nanoseconds comes back rounded, and rounded up it lies after the "now" that made it due, so work created and
 * sent by one dispatch (a fallback) waited for its wakeup instead.
 */
class StoredClockTest {

	/** Nanoseconds that round up to the next microsecond. */
	private static final Instant WITH_NANOS = Instant.parse("2026-12-04T18:25:38.214457504Z");

	@Test
	void theClockTicksInWholeMicroseconds() {
		Clock clock = new EngineConfiguration().clock();
		for (int i = 0; i < 1_000; i++) {
			assertThat(clock.instant().getNano() % 1_000).isZero();
		}
	}

	@Test
	void itsMillisecondsAreReadable() {
		Clock clock = new EngineConfiguration().clock();
		long before = System.currentTimeMillis();

		long millis = clock.millis();

		assertThat(millis).isBetween(before, System.currentTimeMillis());
		assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant().getNano() % 1_000).isZero();
	}

	@Test
	void itsTimesComeBackFromH2AsTheyWere() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:clock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		assertRoundTrips(h2);
	}

	@Test
	void itsTimesComeBackFromPostgresqlAsTheyWere() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			assertRoundTrips(postgres.getPostgresDatabase());
		}
	}

	private static void assertRoundTrips(DataSource dataSource) {
		JdbcClient db = JdbcClient.create(dataSource);
		db.sql("create table moment (name varchar(20), at timestamp with time zone)").update();
		Instant ticked = Clock.tick(Clock.fixed(WITH_NANOS, ZoneOffset.UTC), StoredTime.PRECISION.getDuration())
			.instant();
		db.sql("insert into moment values ('raw', ?), ('ticked', ?)")
			.params(WITH_NANOS.atOffset(ZoneOffset.UTC), ticked.atOffset(ZoneOffset.UTC)).update();

		assertThat(read(db, "raw")).as("a time with nanoseconds, rounded by the database").isAfter(WITH_NANOS);
		assertThat(read(db, "ticked")).isEqualTo(ticked).isEqualTo(Instant.parse("2026-12-04T18:25:38.214457Z"));
	}

	private static Instant read(JdbcClient db, String name) {
		return db.sql("select at from moment where name = ?").param(name)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
	}
}
