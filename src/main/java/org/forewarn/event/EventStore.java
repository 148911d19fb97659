package org.forewarn.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.forewarn.shared.DatabaseKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every accepted event, kept once per id: in the {@code event} table, or in memory ({@link EventStoreSettings}). */
@Repository
public class EventStore {

	private final EventRows rows;

	EventStore(JdbcClient jdbc, JdbcTemplate batches, DatabaseKind database, EventStoreSettings settings) {
		this.rows = settings.inMemory() ? new MemoryEventRows()
				: new TableEventRows(jdbc, batches, database.postgres());
	}

	/** Stores the event; false when an event with this id was stored before (a duplicate). */
	public boolean insertIfNew(Event event, Instant receivedAt) {
		return rows.insertAllIfNew(List.of(event), receivedAt).get(0);
	}

	/**
	 * As {@link #insertIfNew} for each event, at once (one batch of statements): for each, whether it was new. An id
	 * the list repeats is new the first time only. On H2, an event another transaction stores meanwhile fails the
	 * batch with a {@link org.springframework.dao.DuplicateKeyException}; on PostgreSQL it is a duplicate.
	 */
	public List<Boolean> insertAllIfNew(List<Event> batch, Instant receivedAt) {
		return rows.insertAllIfNew(batch, receivedAt);
	}

	/** Every stored event of these types, in event time order (for outcome figures). */
	public List<Event> findOfTypes(Collection<String> types) {
		return types.isEmpty() ? List.of() : rows.ofTypes(types);
	}

	/** The customer's stored events, by event time, then the time they were received, then id. */
	public List<Event> findByCustomer(String customerId) {
		return rows.ofCustomer(customerId);
	}

	/** Drops every stored event: for a replay starting over. */
	public void forgetAll() {
		rows.clear();
	}
}
