package org.forewarn.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.shared.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.simple;

/**
 * A batch of events is stored in one go, each exactly once: one stored before, or repeated within the batch, is a
 * duplicate and leaves the stored row as it was. On H2 and on PostgreSQL.
 */
class StoringEventsTogetherTest {

	private static final Instant EARLIER = Instant.parse("2026-06-01T12:00:00Z");
	private static final Instant NOW = EARLIER.plusSeconds(3600);

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void eachEventIsStoredOnceAndSaidNewOnce(String vendor) {
		DataSource dataSource = databases.fresh(vendor);
		EventStore store = new EventStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
				new DatabaseKind(dataSource), new EventStoreSettings(false));
		assertThat(store.insertAllIfNew(List.of(event("e-old", "first")), EARLIER)).containsExactly(true);

		List<Boolean> fresh = store.insertAllIfNew(List.of(event("e-1", "one"), event("e-old", "again"),
				event("e-2", "two"), event("e-1", "one again")), NOW);

		assertThat(fresh).containsExactly(true, false, true, false);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select id from event order by id").query(String.class).list())
			.containsExactly("e-1", "e-2", "e-old");
		assertThat(jdbc.sql("select payload from event where id = 'e-old'").query(String.class).single())
			.contains("first").doesNotContain("again");
		assertThat(jdbc.sql("select received_at from event where id = 'e-old'").query(OffsetDateTime.class).single()
			.toInstant()).isEqualTo(EARLIER);
		assertThat(jdbc.sql("select payload from event where id = 'e-1'").query(String.class).single())
			.contains("one").doesNotContain("again");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aBatchOfDuplicatesOnlyStoresNothing(String vendor) {
		DataSource dataSource = databases.fresh(vendor);
		EventStore store = new EventStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
				new DatabaseKind(dataSource), new EventStoreSettings(false));
		store.insertAllIfNew(List.of(event("e-1", "one"), event("e-2", "two")), EARLIER);

		assertThat(store.insertAllIfNew(List.of(event("e-2", "two"), event("e-1", "one")), NOW))
			.containsExactly(false, false);
		assertThat(store.insertAllIfNew(List.of(event("e-1", "one")), NOW)).containsExactly(false);
	}

	private static Event event(String id, String note) {
		return EventParser.parse(simple(id, "account.activity", EARLIER, "c-1", null,
				"{\"metric\":\"logins\",\"value\":1,\"note\":\"" + note + "\"}"));
	}
}
