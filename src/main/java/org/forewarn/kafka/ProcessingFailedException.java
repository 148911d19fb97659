package org.forewarn.kafka;

/** A valid event whose processing failed and stored nothing (database unavailable): retried with back-off. */
class ProcessingFailedException extends RuntimeException {

	ProcessingFailedException(String reason) {
		super(reason);
	}
}
