package org.forewarn.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * A rule's request to reach the customer about a problem. Built fluently inside a rule:
 * {@code decide.outreach("shipment.late", $o.getOrderId(), "email", "shipment_late").afterHours(2);}
 */
public final class OutreachRequest {

	private final Decided decided;
	private final String channel;
	private final String template;
	private Duration delay = Duration.ZERO;
	private Instant sendAt;

	OutreachRequest(Decided decided, String channel, String template) {
		this.decided = decided;
		this.channel = channel;
		this.template = template;
	}

	/** Send this long after the decision (ISO-8601 duration such as {@code PT2H} or {@code P1D}). */
	public OutreachRequest after(String isoDuration) {
		this.delay = Duration.parse(isoDuration);
		return this;
	}

	public OutreachRequest afterHours(long hours) {
		this.delay = Duration.ofHours(hours);
		return this;
	}

	/** Send at this moment (or at once, if it is already past when decided). */
	public OutreachRequest at(Instant moment) {
		this.sendAt = moment;
		return this;
	}

	public Decided decided() { return decided; }
	public String channel() { return channel; }
	public String template() { return template; }

	/** When it is due, given the time it was decided at. */
	public Instant dueAt(Instant decidedAt) {
		Instant due = sendAt != null ? sendAt : decidedAt.plus(delay);
		return due.isBefore(decidedAt) ? decidedAt : due;
	}
}
