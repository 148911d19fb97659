package org.forewarn.outreach;

import java.util.Set;

/**
 * Where an outreach record stands (CONTRACT section 2). Statuses only move forward. {@code REJECTED} ends a record
 * a reviewer said no to; {@code EXPIRED} one that would come too late: nobody reviewed it in time, its deadline
 * passed, or it was decided from an event that arrived too late to act on. {@code HELD_OUT} ends one whose
 * customer is in the holdout group: it passed every guardrail and was due, and was not sent.
 */
public enum OutreachStatus {
	SCHEDULED, PENDING_REVIEW, SENT, DELIVERED, FAILED, CANCELLED, SUPPRESSED, REJECTED, EXPIRED, HELD_OUT, OPEN,
	CLAIMED, RESOLVED, DISMISSED;

	/** Not yet gone out: may still be cancelled when the problem resolves. */
	public static final Set<OutreachStatus> WAITING = Set.of(SCHEDULED, PENDING_REVIEW);
}
