package org.forewarn.kafka;

/**
 * A record that will never be accepted as it is (too large, not JSON, a field missing or wrong, a forged timer):
 * dead-lettered, not retried.
 */
class RejectedRecordException extends RuntimeException {

	RejectedRecordException(String reason) {
		super(reason);
	}

	RejectedRecordException(String reason, Throwable cause) {
		super(reason, cause);
	}
}
