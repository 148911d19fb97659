package org.forewarn.kafka;

/** A record that will never be accepted as it is (not JSON, a field missing or wrong): dead-lettered, not retried. */
class RejectedRecordException extends RuntimeException {

	RejectedRecordException(String reason) {
		super(reason);
	}
}
