package org.forewarn.engine;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.RejectedExecutionException;

import org.quartz.JobPersistenceException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Whether a failure while processing an event may pass (the database or the scheduler is unavailable, a race with
 * another instance during a hand-over, shutting down): then the event is worth trying again later. Anything else
 * comes from the event itself and would fail the same way every time.
 */
final class FailureKind {

	private FailureKind() {
	}

	static boolean mayPass(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
					|| t instanceof RecoverableDataAccessException || t instanceof TransactionException
					|| t instanceof DuplicateKeyException || t instanceof SQLTransientException
					|| t instanceof SQLRecoverableException || t instanceof JobPersistenceException
					|| t instanceof InterruptedException || t instanceof RejectedExecutionException
					|| t instanceof LaneInterruptedException || isOutage(t)) {
				return true;
			}
		}
		return false;
	}

	/** SQL states of a lost connection (08), a rolled back transaction (40), resources (53), an operator (57). */
	private static boolean isOutage(Throwable t) {
		String state = t instanceof SQLException sql ? sql.getSQLState() : null;
		return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
				|| state.startsWith("57"));
	}

	/** The event's customer lane was interrupted (shutting down) before the event was processed. */
	static final class LaneInterruptedException extends IllegalStateException {
		LaneInterruptedException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
