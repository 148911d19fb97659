package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Today figures, read from the tables on H2 and on PostgreSQL. */
class TodayFiguresTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
	private static final Instant DAY_AGO = NOW.minus(Duration.ofDays(1));

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void suppressedRecordsAreGroupedByKindOfReasonWithoutWhatPeopleTyped(String vendor) {
		DataSource db = OutreachPlaces.database(databases, vendor);
		OutreachStore store = OutreachPlaces.store(OutreachPlaces.rows(vendor, db));
		suppressed(store, "s1", "suppressed: Rhea Privatename asked via rhea.private@example.com, tel +14155550999 "
				+ "on 2026-06-09 (manual)");
		suppressed(store, "s2", "suppressed: manual on 2026-06-10 (manual)");
		suppressed(store, "s3", "suppressed: hard bounce 5.1.1 on 2026-06-08 (bounce)");
		suppressed(store, "s4", "no email consent");
		suppressed(store, "s5", "no sms consent");
		suppressed(store, "s6", "no email consent");

		OutreachQueries.Today today = new OutreachQueries(JdbcClient.create(db)).today(DAY_AGO, NOW);

		assertThat(today.suppressedByReason()).containsExactly(Map.entry("no_consent", 3L),
				Map.entry("manual", 2L), Map.entry("bounce", 1L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void outreachCancelledByAnErasureIsNotCalledOff(String vendor) {
		DataSource db = OutreachPlaces.database(databases, vendor);
		OutreachStore store = OutreachPlaces.store(OutreachPlaces.rows(vendor, db));
		cancelled(store, "c1", "resolved: order.delivered");
		cancelled(store, "c2", "customer data erased");
		cancelled(store, "c3", "customer data erased");

		assertThat(new OutreachQueries(JdbcClient.create(db)).today(DAY_AGO, NOW).calledOff()).isEqualTo(1);
	}

	private static void suppressed(OutreachStore store, String id, String reason) {
		store.insert(record(id, OutreachStatus.SUPPRESSED, reason), "k-" + id, false);
	}

	private static void cancelled(OutreachStore store, String id, String reason) {
		store.insert(record(id, OutreachStatus.CANCELLED, reason), "k-" + id, false);
	}

	private static Outreach record(String id, OutreachStatus status, String reason) {
		Instant decided = NOW.minus(Duration.ofHours(2));
		return new Outreach(id, "c-" + id, "o-" + id, "r-" + id, "v1", "order.late", "email", "order_late", decided,
				decided, status, reason, null, "why", null, null, SendPolicy.DEFAULT, null);
	}
}
