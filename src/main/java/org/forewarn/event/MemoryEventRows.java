package org.forewarn.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.forewarn.shared.TransactionalMap;

/**
 * The events of a process that alone writes them to a database it throws away at its end (a replay), kept in its
 * memory rather than in the table, as they were accepted (no JSON written or read back). Looking one customer's
 * events up goes through all of them: a replay does so only for a state it cannot read, which its memory never has.
 */
final class MemoryEventRows implements EventRows {

	private record Row(Event event, Instant receivedAt) {
	}

	private static final Comparator<Event> BY_TIME_THEN_ID = Comparator.<Event, Instant>comparing(Event::instant)
		.thenComparing(Event::id);

	private final TransactionalMap<String, Row> rows = new TransactionalMap<>();

	@Override
	public List<Boolean> insertAllIfNew(List<Event> batch, Instant receivedAt) {
		List<Boolean> fresh = new ArrayList<>(batch.size());
		for (Event event : batch) {
			boolean isNew = rows.get(event.id()) == null;
			if (isNew) {
				rows.put(event.id(), new Row(event, receivedAt));
			}
			fresh.add(isNew);
		}
		return fresh;
	}

	@Override
	public List<Event> ofTypes(Collection<String> types) {
		Set<String> wanted = Set.copyOf(types);
		return rows.visible().values().stream().map(Row::event).filter(event -> wanted.contains(event.type()))
			.sorted(BY_TIME_THEN_ID).toList();
	}

	@Override
	public List<Event> ofCustomer(String customerId) {
		return rows.visible().values().stream().filter(row -> customerId.equals(row.event().customerId()))
			.sorted(Comparator.comparing((Row row) -> row.event().instant()).thenComparing(Row::receivedAt)
				.thenComparing(row -> row.event().id()))
			.map(Row::event).toList();
	}

	@Override
	public void clear() {
		rows.clear();
	}
}
