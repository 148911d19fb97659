package org.forewarn.kafka;

/** The reason a record failed, from the exception the listener threw (the container wraps it). */
final class RejectionReason {

	private RejectionReason() {
	}

	static boolean isRejection(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedRecordException) {
				return true;
			}
		}
		return false;
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
}
