package org.forewarn.outreach;

import java.util.Set;

/**
 * Where an outreach record stands (CONTRACT section 2). Statuses only move forward. {@code REJECTED} and
 * {@code EXPIRED} end a record that waited for review: a person said no, or nobody answered in time.
 */
public enum OutreachStatus {
	SCHEDULED, PENDING_REVIEW, SENT, DELIVERED, FAILED, CANCELLED, SUPPRESSED, REJECTED, EXPIRED, OPEN, CLAIMED,
	RESOLVED, DISMISSED;

	/** Not yet gone out: may still be cancelled when the problem resolves. */
	public static final Set<OutreachStatus> WAITING = Set.of(SCHEDULED, PENDING_REVIEW);
}
