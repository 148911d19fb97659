package org.forewarn.kafka;

/** The reason a record failed, from the exception the listener threw (the container wraps it). */
final class RejectionReason {

	private RejectionReason() {
	}

	static boolean isRejection(Throwable exception) {
		return find(exception, RejectedRecordException.class) != null;
	}

	/** A rejection or a failure intake reported (FAILED), as opposed to an exception nobody foresaw. */
	static boolean isExpected(Throwable exception) {
		return isRejection(exception) || find(exception, ProcessingFailedException.class) != null;
	}

	static String of(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedRecordException || cause instanceof ProcessingFailedException) {
				return cause.getMessage();
			}
		}
		Throwable root = exception;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static Throwable find(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return cause;
			}
		}
		return null;
	}
}
