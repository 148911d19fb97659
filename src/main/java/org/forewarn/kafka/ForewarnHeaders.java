package org.forewarn.kafka;

/** Record headers Forewarn reads and writes. */
final class ForewarnHeaders {

	/** On dead-lettered records: why the record was not accepted, naming the field. */
	static final String REJECTION_REASON = "forewarn-rejection-reason";

	/** On records Forewarn produces itself: {@value #TIMER} for a due timer on its way to the customer's lane. */
	static final String ORIGIN = "forewarn-origin";

	static final String TIMER = "timer";

	private ForewarnHeaders() {
	}
}
