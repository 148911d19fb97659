package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.forewarn.BothDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status change is counted under the changed record's channel, problem and rule, which come back with the update
 * itself; a change the record's status does not allow counts nothing.
 * In the tables on H2 and on PostgreSQL, and in a replay's memory.
 */
class StatusChangeMeterTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aStatusChangeIsCountedUnderTheChangedRecordsLabels(String vendor) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		OutreachStore store = OutreachPlaces.store(OutreachPlaces.rows(vendor, OutreachPlaces.database(databases,
				vendor)), meters);
		store.insert(scheduled("o-email", "email", "late-rule"), "k1", false);
		store.insert(scheduled("o-sms", "sms", "other-rule"), "k2", false);

		assertThat(store.suppress("o-email", "no consent for email", NOW, false)).isTrue();
		assertThat(store.suppress("o-email", "no consent for email", NOW, false)).as("already suppressed").isFalse();

		assertThat(changes(meters, "email", "late-rule", "SUPPRESSED")).isEqualTo(1);
		assertThat(changes(meters, "sms", "other-rule", "SUPPRESSED")).as("the record not changed").isZero();
		assertThat(meters.find("forewarn.outreach.suppressed").tag("channel", "email").counter().count())
			.isEqualTo(1);
		assertThat(store.history("o-email")).extracting(StatusChange::status)
			.containsExactly(OutreachStatus.SCHEDULED, OutreachStatus.SUPPRESSED);
	}

	private static double changes(SimpleMeterRegistry meters, String channel, String rule, String status) {
		var counter = meters.find("forewarn.outreach.status.changes").tag("channel", channel)
			.tag("problem", "order.late").tag("rule", rule).tag("status", status).counter();
		return counter == null ? 0 : counter.count();
	}

	private static Outreach scheduled(String id, String channel, String rule) {
		return ScheduledOutreach.of(id, channel, rule, NOW.minus(Duration.ofDays(1)));
	}
}
