package org.forewarn.shared;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The values of every {@link TransactionScoped} in one transaction, bound to it once and told of its end through
 * one synchronization, however many there are: binding and sorting a synchronization for each was a noticeable part
 * of a short transaction.
 */
final class TransactionValues implements TransactionSynchronization {

	/** The key these values are bound to the transaction under. */
	private static final Object KEY = TransactionValues.class;

	private final Map<TransactionScoped<?>, Object> values = new IdentityHashMap<>();
	/** In the order they were made, which is the order they are told in. */
	private final List<TransactionScoped<?>> order = new ArrayList<>();

	/** The values of the current transaction, bound to it now if it has none: only within a transaction. */
	static TransactionValues ofTransaction() {
		TransactionValues bound = existing();
		if (bound == null) {
			bound = new TransactionValues();
			TransactionSynchronizationManager.bindResource(KEY, bound);
			TransactionSynchronizationManager.registerSynchronization(bound);
		}
		return bound;
	}

	static TransactionValues existing() {
		return (TransactionValues) TransactionSynchronizationManager.getResource(KEY);
	}

	@SuppressWarnings("unchecked")
	<T> T get(TransactionScoped<T> scoped) {
		return (T) values.get(scoped);
	}

	<T> void put(TransactionScoped<T> scoped, T value) {
		values.put(scoped, value);
		order.add(scoped);
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(KEY);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(KEY, this);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		// by index: a value made while another is written is written too
		for (int i = 0; i < order.size(); i++) {
			tellBeforeCommit(order.get(i));
		}
	}

	@Override
	public void afterCommit() {
		for (int i = 0; i < order.size(); i++) {
			tellAfterCommit(order.get(i));
		}
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
	}

	private <T> void tellBeforeCommit(TransactionScoped<T> scoped) {
		scoped.beforeCommit(get(scoped));
	}

	private <T> void tellAfterCommit(TransactionScoped<T> scoped) {
		scoped.afterCommit(get(scoped));
	}
}
