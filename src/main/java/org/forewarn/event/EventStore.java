package org.forewarn.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.shared.DatabaseKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every accepted event, kept once per id. */
@Repository
public class EventStore {

	private final JdbcClient jdbc;
	private final String insert;

	EventStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		// a duplicate on PostgreSQL must not spoil the transaction: several events may share one
		String onConflict = DatabaseKind.isPostgres(dataSource) ? " on conflict (id) do nothing" : "";
		this.insert = "insert into event (id, customer_id, order_id, type, event_time, received_at, payload) "
				+ "values (?, ?, ?, ?, ?, ?, ?)" + onConflict;
	}

	/** Stores the event; false when an event with this id was stored before (a duplicate). */
	public boolean insertIfNew(Event event, Instant receivedAt) {
		try {
			return jdbc.sql(insert)
				.params(event.id(), event.customerId(), event.orderId(), event.type(), event.time(),
						receivedAt.atOffset(ZoneOffset.UTC), EventJson.write(event))
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}


	/** Every stored event of these types, in event time order (for outcome figures). */
	public List<Event> findOfTypes(java.util.Collection<String> types) {
		if (types.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", java.util.Collections.nCopies(types.size(), "?"));
		return jdbc.sql("select payload from event where type in (" + marks + ") order by event_time, id")
			.params(List.copyOf(types))
			.query((rs, row) -> EventJson.read(rs.getString(1)))
			.list();
	}

	public List<Event> findByCustomer(String customerId) {
		return jdbc.sql("select payload from event where customer_id = ? order by event_time, received_at")
			.param(customerId)
			.query((rs, row) -> EventJson.read(rs.getString(1)))
			.list();
	}
}
