package org.forewarn.kafka;

/** Record headers Forewarn reads and writes. */
final class ForewarnHeaders {

	/** On dead-lettered records: why the record was not accepted, naming the field. */
	static final String REJECTION_REASON = "forewarn-rejection-reason";

	/** On dead-lettered records whose value was left out of the copy: its size and where the original is. */
	static final String VALUE_LEFT_OUT = "forewarn-value-left-out";

	/**
	 * On records Forewarn produces itself: {@value #TIMER} for a due timer on its way to the customer's lane. Kept
	 * beside the signature so that instances of a version before signatures still take these timers.
	 */
	static final String ORIGIN = "forewarn-origin";

	static final String TIMER = "timer";

	/** On timer records: their HMAC-SHA256 signature; a timer without a valid one is dead-lettered. */
	static final String TIMER_SIGNATURE = "forewarn-timer-signature";

	private ForewarnHeaders() {
	}
}
