package org.forewarn.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** Work on several items at the same time, for a caller that must not move on before all of it is done. */
public final class Together {

	private Together() {
	}

	/**
	 * Runs {@code action} for each item and returns once all have finished: all but the last on {@code pool} (on this
	 * thread when the pool takes no more, or is null), the last on this thread. The first failure is thrown then,
	 * with the others suppressed in it; one item's failure stops no other.
	 */
	public static <T> void runEach(Executor pool, List<T> items, Consumer<T> action) {
		List<FutureTask<Void>> running = new ArrayList<>(items.size());
		RuntimeException failure = null;
		for (int i = 0; i < items.size() - 1; i++) {
			T item = items.get(i);
			FutureTask<Void> task = new FutureTask<>(() -> action.accept(item), null);
			if (handedTo(pool, task)) {
				running.add(task);
			}
			else { // no pool, or it is busy or shutting down: on this thread
				failure = collect(failure, () -> action.accept(item));
			}
		}
		if (!items.isEmpty()) {
			failure = collect(failure, () -> action.accept(items.get(items.size() - 1)));
		}
		for (FutureTask<Void> each : running) {
			failure = collect(failure, () -> awaitUninterruptibly(each));
		}
		if (failure != null) {
			throw failure;
		}
	}

	private static boolean handedTo(Executor pool, Runnable task) {
		if (pool == null) {
			return false;
		}
		try {
			pool.execute(task);
			return true;
		}
		catch (RejectedExecutionException e) {
			return false;
		}
	}

	/** What the work threw, as it threw it (anything else wrapped). */
	public static RuntimeException thrownBy(ExecutionException e) {
		return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
	}

	/** Interrupted or not, the caller must not move on while the work is still running. */
	private static void awaitUninterruptibly(FutureTask<Void> task) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					task.get();
					return;
				}
				catch (InterruptedException e) {
					interrupted = true;
				}
				catch (ExecutionException e) {
					throw thrownBy(e);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static RuntimeException collect(RuntimeException failure, Runnable step) {
		try {
			step.run();
			return failure;
		}
		catch (RuntimeException e) {
			if (failure == null) {
				return e;
			}
			failure.addSuppressed(e);
			return failure;
		}
	}
}
