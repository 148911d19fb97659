package org.forewarn.outreach;

import java.time.Instant;

/** A scheduled outreach record about a late order of customer c-1, for the store tests. */
final class ScheduledOutreach {

	private ScheduledOutreach() {
	}

	static Outreach of(String id, String channel, String rule, Instant decidedAt) {
		return new Outreach(id, "c-1", "o-1", rule, "v1", "order.late", channel, "order_late", decidedAt, decidedAt,
				OutreachStatus.SCHEDULED, null, null, "why", null, null, SendPolicy.DEFAULT, null);
	}
}
