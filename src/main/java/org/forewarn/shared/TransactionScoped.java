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

	private TransactionScoped(Supplier<T> create, Consumer<T> beforeCommit, Consumer<T> afterCommit) {
		this.create = create;
		this.beforeCommit = beforeCommit;
		this.afterCommit = afterCommit;
	}

	/** A value given to {@code write} within the transaction, just before it commits: a failure rolls it back. */
	public static <T> TransactionScoped<T> writtenBeforeCommit(Supplier<T> create, Consumer<T> write) {
		return new TransactionScoped<>(create, write, value -> {
		});
	}

	/** A value given to {@code apply} once the transaction has committed. */
	public static <T> TransactionScoped<T> appliedAfterCommit(Supplier<T> create, Consumer<T> apply) {
		return new TransactionScoped<>(create, value -> {
		}, apply);
	}

	/**
	 * The transaction's value, made now if it has none; null outside a transaction (where Spring keeps no
	 * synchronizations for the thread).
	 */
	public T current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		T value = existing();
		if (value == null) {
			value = create.get();
			TransactionSynchronizationManager.bindResource(this, value);
			TransactionSynchronizationManager.registerSynchronization(new Bound(value));
		}
		return value;
	}

	/** The transaction's value if it has made one; null otherwise. */
	@SuppressWarnings("unchecked")
	public T existing() {
		return (T) TransactionSynchronizationManager.getResource(this);
	}

	private final class Bound implements TransactionSynchronization {

		private final T value;

		Bound(T value) {
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
