package org.forewarn.shared;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows kept in memory as a database table would keep them, for a process that alone writes them to a database it
 * throws away at its end (a replay): a transaction's writes are its own until it commits, and gone when it rolls back;
 * outside a transaction a write is final. Nothing reading the table itself sees them.
 */
public final class TransactionalMap<K, V> {

	private final Map<K, V> committed = new ConcurrentHashMap<>();
	/** A transaction's writes, held until it ends: applied when it commits, dropped otherwise. */
	private final TransactionScoped<Map<K, V>> transactionWrites = TransactionScoped.appliedAfterCommit(HashMap::new,
			committed::putAll);

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

	/** Every committed value, whatever this thread's transaction wrote; not to be changed. */
	public Map<K, V> committed() {
		return Collections.unmodifiableMap(committed);
	}

	/** Drops every committed value: for a database emptied under it. */
	public void clear() {
		committed.clear();
	}

	/** This thread's transaction's writes, or null when it has none (or runs in no transaction). */
	private Map<K, V> ownWrites() {
		return transactionWrites.existing();
	}

	private Map<K, V> writes() {
		Map<K, V> pending = transactionWrites.current();
		return pending != null ? pending : committed;
	}
}
