package org.forewarn.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.forewarn.shared.SqlMarks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/** Events kept in the {@code event} table. */
final class TableEventRows implements EventRows {

	/** Most ids asked for in one look for those already stored. */
	private static final int IDS_PER_LOOK = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final boolean postgres;
	private final String insert;

	TableEventRows(JdbcClient jdbc, JdbcTemplate batches, boolean postgres) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.postgres = postgres;
		// a duplicate on PostgreSQL must not spoil the transaction: several events may share one
		String onConflict = postgres ? " on conflict (id) do nothing" : "";
		this.insert = "insert into event (id, customer_id, order_id, type, event_time, received_at, payload) "
				+ "values (?, ?, ?, ?, ?, ?, ?)" + onConflict;
	}

	private boolean insertIfNew(Event event, Instant receivedAt) {
		try {
			return jdbc.sql(insert)
				.params(event.id(), event.customerId(), event.orderId(), event.type(), event.time(),
						utc(receivedAt), EventJson.write(event))
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/**
	 * In one batch of statements. On H2, an event another transaction stores meanwhile fails the batch with a
	 * {@link DuplicateKeyException} (the caller tries the events one at a time); on PostgreSQL it is a duplicate.
	 */
	@Override
	public List<Boolean> insertAllIfNew(List<Event> batch, Instant receivedAt) {
		if (batch.size() == 1) {
			return List.of(insertIfNew(batch.get(0), receivedAt)); // one statement, not a look and an insert
		}
		Set<String> taken = postgres ? new HashSet<>() : stored(batch);
		List<Boolean> fresh = new ArrayList<>(batch.size());
		List<Object[]> rows = new ArrayList<>(batch.size());
		for (Event event : batch) {
			boolean tried = taken.add(event.id());
			fresh.add(tried);
			if (tried) {
				rows.add(new Object[] { event.id(), event.customerId(), event.orderId(), event.type(), event.time(),
						utc(receivedAt), EventJson.write(event) });
			}
		}
		int[] counts = batches.batchUpdate(insert, rows);
		for (int i = 0, row = 0; i < fresh.size(); i++) {
			if (fresh.get(i)) {
				int count = counts[row++];
				if (count < 0) {
					throw new IllegalStateException("The database did not say whether event " + batch.get(i).id()
							+ " was stored (" + count + ")");
				}
				fresh.set(i, count == 1); // 0: PostgreSQL found it stored meanwhile
			}
		}
		return fresh;
	}

	/** The ids of these events stored before. */
	private Set<String> stored(List<Event> batch) {
		List<String> ids = batch.stream().map(Event::id).distinct().toList();
		Set<String> stored = new HashSet<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_LOOK) {
			List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOK));
			stored.addAll(jdbc.sql("select id from event where id in (" + SqlMarks.of(part) + ")").params(part)
				.query(String.class).list());
		}
		return stored;
	}

	@Override
	public List<Event> ofTypes(Collection<String> types) {
		return jdbc.sql("select payload from event where type in (" + SqlMarks.of(types) + ") order by event_time, id")
			.params(List.copyOf(types))
			.query((rs, row) -> EventJson.read(rs.getString(1)))
			.list();
	}

	@Override
	public List<Event> ofCustomer(String customerId) {
		return jdbc.sql("select payload from event where customer_id = ? order by event_time, received_at, id")
			.param(customerId)
			.query((rs, row) -> EventJson.read(rs.getString(1)))
			.list();
	}

	@Override
	public void clear() {
		jdbc.sql("delete from event").update();
	}
}
