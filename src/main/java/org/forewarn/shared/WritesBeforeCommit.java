package org.forewarn.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Rows a transaction writes together, in one batch just before it commits, rather than one statement each: they are
 * stored exactly when the transaction is, and a failure to write them rolls it back. Outside a transaction a row is
 * written at once. For rows that nothing reads back within the transaction that writes them.
 */
public final class WritesBeforeCommit<T> {

	private final Consumer<List<T>> write;
	private final TransactionScoped<List<T>> pending;

	/** {@code write} stores the rows it is given, in order, within the caller's transaction. */
	public WritesBeforeCommit(Consumer<List<T>> write) {
		this.write = write;
		this.pending = TransactionScoped.writtenBeforeCommit(ArrayList::new, this::writeAll);
	}

	public void add(T row) {
		List<T> rows = pending.current();
		if (rows == null) {
			write.accept(List.of(row));
		}
		else {
			rows.add(row);
		}
	}

	/** Drops the rows not written yet that {@code unwanted} matches: the transaction took them back. */
	public void removeIf(Predicate<T> unwanted) {
		List<T> rows = pending.current();
		if (rows != null) {
			rows.removeIf(unwanted);
		}
	}

	private void writeAll(List<T> rows) {
		if (!rows.isEmpty()) {
			write.accept(List.copyOf(rows));
		}
	}
}
