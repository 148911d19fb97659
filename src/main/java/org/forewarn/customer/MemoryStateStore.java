package org.forewarn.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.forewarn.shared.TransactionalMap;

/**
 * The states of a process that alone writes them to a database it throws away at its end (a replay), kept in its
 * memory rather than written to the table: the same rows, at the cost of a map ({@link TransactionalMap}). No lock
 * is needed, as no one else writes. Nothing reading the table directly (the console, an export) sees them.
 */
final class MemoryStateStore implements StateRowStore {

	private record Row(String state, String phone, long revision) {
	}

	private final TransactionalMap<String, Row> rows = new TransactionalMap<>();

	@Override
	public Optional<Long> lockRevision(String customerId) {
		return Optional.ofNullable(rows.get(customerId)).map(Row::revision);
	}

	@Override
	public String state(String customerId) {
		Row row = rows.get(customerId);
		if (row == null) {
			throw new IllegalStateException("customer " + customerId + " has no stored state");
		}
		return row.state();
	}

	@Override
	public boolean update(String customerId, String state, String phone, Instant at, long revision) {
		if (rows.get(customerId) == null) {
			return false;
		}
		rows.put(customerId, new Row(state, phone, revision));
		return true;
	}

	@Override
	public void insert(String customerId, String state, String phone, Instant at, long revision) {
		if (rows.get(customerId) != null) {
			throw new IllegalStateException("customer " + customerId + " has a stored state already");
		}
		rows.put(customerId, new Row(state, phone, revision));
	}

	@Override
	public boolean touch(String customerId, long revision) {
		Row row = rows.get(customerId);
		if (row == null) {
			return false;
		}
		rows.put(customerId, new Row(row.state(), row.phone(), revision));
		return true;
	}

	@Override
	public List<String> customerIdsByPhone(String phone) {
		return rows.visible().entrySet().stream().filter(e -> phone.equals(e.getValue().phone()))
			.map(Map.Entry::getKey).sorted().toList();
	}

	@Override
	public void clear() {
		rows.clear();
	}
}
