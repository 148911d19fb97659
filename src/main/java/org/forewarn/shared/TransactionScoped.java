package org.forewarn.shared;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value belonging to the transaction of the current thread: made on first use within it, told when the
 * transaction is about to commit and when it has, gone when it ends. A transaction of its own run meanwhile
 * ({@code REQUIRES_NEW}) has a value of its own.
 */
public final class TransactionScoped<T> {

	private final Supplier<T> create;
	private final Consumer<T> beforeCommit;
	private final Consumer<T> afterCommit;

	/** {@code beforeCommit} runs within the transaction (a failure rolls it back); {@code afterCommit} after it. */
	public TransactionScoped(Supplier<T> create, Consumer<T> beforeCommit, Consumer<T> afterCommit) {
		this.create = create;
		this.beforeCommit = beforeCommit;
		this.afterCommit = afterCommit;
	}

	/** Whether the current thread runs in a transaction that can hold a value. */
	public static boolean active() {
		return TransactionSynchronizationManager.isSynchronizationActive();
	}

	/** The transaction's value, made now if it has none; null outside a transaction. */
	public T current() {
		if (!active()) {
			return null;
		}
		T value = existing();
		if (value == null) {
			value = create.get();
			TransactionSynchronizationManager.bindResource(this, value);
			TransactionSynchronizationManager.registerSynchronization(new Held(value));
		}
		return value;
	}

	/** The transaction's value if it has made one; null otherwise. */
	@SuppressWarnings("unchecked")
	public T existing() {
		return (T) TransactionSynchronizationManager.getResource(this);
	}

	private final class Held implements TransactionSynchronization {

		private final T value;

		Held(T value) {
			this.value = value;
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(TransactionScoped.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(TransactionScoped.this, value);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			beforeCommit.accept(value);
		}

		@Override
		public void afterCommit() {
			afterCommit.accept(value);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.this);
		}
	}
}
