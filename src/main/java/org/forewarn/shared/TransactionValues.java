package org.forewarn.shared;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * In the order they were made, which is the order they are told in. A transaction holds a few (one per
	 * {@link TransactionScoped} it used), so they are looked up by going through them.
	 */
	private final List<Held<?>> held = new ArrayList<>();

	private record Held<T>(TransactionScoped<T> scoped, T value) {

		void tellBeforeCommit() {
			scoped.beforeCommit(value);
		}

		void tellAfterCommit() {
			scoped.afterCommit(value);
		}
	}

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
		for (Held<?> each : held) {
			if (each.scoped() == scoped) {
				return (T) each.value();
			}
		}
		return null;
	}

	<T> void put(TransactionScoped<T> scoped, T value) {
		held.add(new Held<>(scoped, value));
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
		for (int i = 0; i < held.size(); i++) {
			held.get(i).tellBeforeCommit();
		}
	}

	@Override
	public void afterCommit() {
		for (int i = 0; i < held.size(); i++) {
			held.get(i).tellAfterCommit();
		}
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
	}
}
