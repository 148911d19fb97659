package org.forewarn.outreach;

import java.util.Set;

/** Where an outreach record stands (CONTRACT section 2). Statuses only move forward. */
public enum OutreachStatus {
	SCHEDULED, PENDING_REVIEW, SENT, DELIVERED, FAILED, CANCELLED, SUPPRESSED, OPEN, CLAIMED, RESOLVED, DISMISSED;

	/** Not yet gone out: may still be cancelled when the problem resolves. */
	public static final Set<OutreachStatus> WAITING = Set.of(SCHEDULED, PENDING_REVIEW);
}
