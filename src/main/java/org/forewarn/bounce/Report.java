package org.forewarn.bounce;

/**
 * What one report in the bounce mailbox says: a hard or soft bounce, or a complaint, about the message with
 * {@code originalMessageId}, or sent with the VERP return path naming {@code returnPathOutreachId}; {@code recipient}
 * is the address as the report gives it and {@code status} the enhanced status code (5.1.1) or feedback type.
 */
record Report(Kind kind, String recipient, String status, String originalMessageId, String returnPathOutreachId) {

	enum Kind {
		/** Action failed with a permanent status (5.x.x): the address does not take mail. */
		HARD,
		/** Action failed with a transient status (4.x.x), or delayed: it may work later. */
		SOFT,
		/** An abuse report (RFC 5965, feedback type abuse): the recipient called it spam. */
		COMPLAINT
	}

	/** The report-type label used in the database and the logs. */
	String label() {
		return kind.name().toLowerCase(java.util.Locale.ROOT);
	}
}
