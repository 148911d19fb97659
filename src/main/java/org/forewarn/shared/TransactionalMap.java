package org.forewarn.shared;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows kept in memory as a database table would keep them, for a process that alone writes them to a database it
 * throws away at its end (a replay): a transaction's writes are its own until it commits, and gone when it rolls back;
 * outside a transaction a write is final. Nothing reading the table itself sees them.
 */
public final class TransactionalMap<K, V> {

	private final Map<K, V> committed = new ConcurrentHashMap<>();

	/** The value as this thread sees it: its transaction's own write first; null when there is none. */
	public V get(K key) {
		Map<K, V> own = ownWrites();
		V written = own == null ? null : own.get(key);
		return written != null ? written : committed.get(key);
	}

	/** Writes the value: in the transaction's own writes, applied when it commits; without one, at once. */
	public void put(K key, V value) {
		writes().put(key, value);
	}

	/** Every value this thread sees, its transaction's own writes included; not to be changed. */
	public Map<K, V> visible() {
		Map<K, V> own = ownWrites();
		if (own == null || own.isEmpty()) {
			return Collections.unmodifiableMap(committed);
		}
		Map<K, V> visible = new HashMap<>(committed);
		visible.putAll(own);
		return visible;
	}

	/** Drops every committed value: for a database emptied under it. */
	public void clear() {
		committed.clear();
	}

	/** This thread's transaction's writes, or null when it has none (or runs in no transaction). */
	@SuppressWarnings("unchecked")
	private Map<K, V> ownWrites() {
		return (Map<K, V>) TransactionSynchronizationManager.getResource(this);
	}

	private Map<K, V> writes() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return committed;
		}
		Map<K, V> own = ownWrites();
		if (own == null) {
			Map<K, V> pending = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(new TransactionWrites(pending));
			own = pending;
		}
		return own;
	}

	/** One transaction's writes, held until it ends: applied when it commits, dropped otherwise. */
	private final class TransactionWrites implements TransactionSynchronization {

		private final Map<K, V> pending;

		TransactionWrites(Map<K, V> pending) {
			this.pending = pending;
		}

		@Override
		public void suspend() { // a transaction of its own runs meanwhile, with writes of its own
			TransactionSynchronizationManager.unbindResource(TransactionalMap.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(TransactionalMap.this, pending);
		}

		@Override
		public void afterCommit() {
			committed.putAll(pending);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(TransactionalMap.this);
		}
	}
}
