package org.forewarn.shared;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value belonging to the transaction of the current thread: made on first use within it, told when the
 * transaction is about to commit and when it has, gone when it ends. A transaction of its own run meanwhile
 * ({@code REQUIRES_NEW}) has a value of its own. All of a transaction's values are kept together
 * ({@link TransactionValues}), told in the order they were made.
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
		TransactionValues values = TransactionValues.ofTransaction();
		T value = values.get(this);
		if (value == null) {
			value = create.get();
			values.put(this, value);
		}
		return value;
	}

	/** The transaction's value if it has made one; null otherwise. */
	public T existing() {
		TransactionValues values = TransactionValues.existing();
		return values == null ? null : values.get(this);
	}

	void beforeCommit(T value) {
		beforeCommit.accept(value);
	}

	void afterCommit(T value) {
		afterCommit.accept(value);
	}
}
