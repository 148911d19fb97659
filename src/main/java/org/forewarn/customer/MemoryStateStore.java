package org.forewarn.customer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The states of a process that alone writes them to a database it throws away at its end (a replay), kept in its
 * memory rather than written to the table: the same rows, at the cost of a map. A transaction's writes are its own
 * until it commits, and gone when it rolls back, as the table's would be; outside a transaction a write is final.
 * No lock is needed, as no one else writes. Nothing reading the table directly (the console, an export) sees them.
 */
final class MemoryStateStore implements StateRowStore {

	private record Row(String state, String phone, long revision) {
	}

	private final Map<String, Row> committed = new ConcurrentHashMap<>();

	@Override
	public Optional<Long> lockRevision(String customerId) {
		return Optional.ofNullable(row(customerId)).map(Row::revision);
	}

	@Override
	public String state(String customerId) {
		Row row = row(customerId);
		if (row == null) {
			throw new IllegalStateException("customer " + customerId + " has no stored state");
		}
		return row.state();
	}

	@Override
	public boolean update(String customerId, String state, String phone, Instant at, long revision) {
		if (row(customerId) == null) {
			return false;
		}
		writes().put(customerId, new Row(state, phone, revision));
		return true;
	}

	@Override
	public void insert(String customerId, String state, String phone, Instant at, long revision) {
		if (row(customerId) != null) {
			throw new IllegalStateException("customer " + customerId + " has a stored state already");
		}
		writes().put(customerId, new Row(state, phone, revision));
	}

	@Override
	public boolean touch(String customerId, long revision) {
		Row row = row(customerId);
		if (row == null) {
			return false;
		}
		writes().put(customerId, new Row(row.state(), row.phone(), revision));
		return true;
	}

	@Override
	public List<String> customerIdsByPhone(String phone) {
		Map<String, Row> visible = new HashMap<>(committed);
		Map<String, Row> own = ownWrites();
		if (own != null) {
			visible.putAll(own);
		}
		return visible.entrySet().stream().filter(e -> phone.equals(e.getValue().phone())).map(Map.Entry::getKey)
			.sorted().toList();
	}

	@Override
	public void clear() {
		committed.clear();
	}

	/** The row as this thread sees it: its transaction's own write first. */
	private Row row(String customerId) {
		Map<String, Row> own = ownWrites();
		Row written = own == null ? null : own.get(customerId);
		return written != null ? written : committed.get(customerId);
	}

	/** This thread's transaction's writes, or null when it has none (or runs in no transaction). */
	@SuppressWarnings("unchecked")
	private Map<String, Row> ownWrites() {
		return (Map<String, Row>) TransactionSynchronizationManager.getResource(this);
	}

	/** Where a write goes: the transaction's own writes, applied when it commits; without one, the rows at once. */
	private Map<String, Row> writes() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return committed;
		}
		Map<String, Row> own = ownWrites();
		if (own == null) {
			Map<String, Row> pending = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(new TransactionWritesStore(pending));
			own = pending;
		}
		return own;
	}

	/** One transaction's writes, held until it ends: applied to the rows when it commits, dropped otherwise. */
	private final class TransactionWritesStore implements TransactionSynchronization {

		private final Map<String, Row> pending;

		TransactionWritesStore(Map<String, Row> pending) {
			this.pending = pending;
		}

		@Override
		public void suspend() { // a transaction of its own runs meanwhile, with writes of its own
			TransactionSynchronizationManager.unbindResource(MemoryStateStore.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(MemoryStateStore.this, pending);
		}

		@Override
		public void afterCommit() {
			committed.putAll(pending);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(MemoryStateStore.this);
		}
	}
}
