package org.forewarn.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rule's request to reach the customer about a problem. Built fluently inside a rule:
 * {@code decide.outreach("shipment.late", $o.getOrderId(), "sms", "shipment_late").afterHours(2).fallback("email");}
 */
public final class OutreachRequest {

	private final Decided decided;
	private final String channel;
	private final String template;
	private Duration delay = Duration.ZERO;
	private Instant sendAt;
	private Instant notLaterThan;
	private List<String> fallback;
	private boolean review;
	private boolean deferWhenCapped;
	private int step = 1;
	private Duration maxTriggerAge;
	private Double holdoutPercent;
	private Integer hourlyCeiling;
	private Duration dueWithin;

	OutreachRequest(Decided decided, String channel, String template) {
		this.decided = decided;
		this.channel = channel;
		this.template = template;
	}

	/** Send this long after the decision (ISO-8601 duration such as {@code PT2H} or {@code P1D}). */
	public OutreachRequest after(String isoDuration) {
		this.delay = duration("after", isoDuration);
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

	/**
	 * The message is worth less after this moment: when quiet hours would hold it past the deadline, it goes out
	 * earlier instead (the last allowed minute before the quiet hours), and a capped send is not deferred past it.
	 */
	public OutreachRequest notLaterThan(Instant deadline) {
		this.notLaterThan = deadline;
		return this;
	}

	/**
	 * Channels to try, in order, when this one is refused (no consent) or fails for good. Without it, only failures
	 * fall back, along the configured chain (sms, then email, then a task).
	 */
	public OutreachRequest fallback(String channel) {
		this.fallback = List.of(channel);
		return this;
	}

	public OutreachRequest fallback(String first, String second) {
		this.fallback = List.of(first, second);
		return this;
	}

	/** Never fall back to another channel, not even when the send fails for good. */
	public OutreachRequest noFallback() {
		this.fallback = List.of();
		return this;
	}

	/** Hold the outreach for a person to approve ({@code PENDING_REVIEW}); it expires if nobody does in time. */
	public OutreachRequest review() {
		this.review = true;
		return this;
	}

	/** When a frequency cap is reached, wait for the next day instead of dropping the message. */
	public OutreachRequest deferWhenCapped() {
		this.deferWhenCapped = true;
		return this;
	}

	/**
	 * A follow-up: the n-th outreach about the same problem and order (the first is step 1). Without it, a
	 * customer hears about one problem with one order once.
	 */
	public OutreachRequest step(int number) {
		if (number < 1) {
			throw new IllegalArgumentException("step must be 1 or more, got " + number);
		}
		this.step = number;
		return this;
	}

	/**
	 * Not sent when the event that led to it is older than this when it arrives (ISO-8601 duration), instead of
	 * {@code forewarn.outreach.max-trigger-age}: shorter for news that goes stale fast, longer for a task.
	 */
	public OutreachRequest maxTriggerAge(String isoDuration) {
		Duration age = duration("maxTriggerAge", isoDuration);
		if (age.isNegative() || age.isZero()) {
			throw new IllegalArgumentException("maxTriggerAge must be positive, got " + isoDuration);
		}
		this.maxTriggerAge = age;
		return this;
	}

	/**
	 * Hold out this share of customers (0 to 100) instead of the configured one ({@code forewarn.holdout.*}):
	 * {@code .holdout(0)} for outreach that is never an experiment, such as a hard payment decline.
	 */
	public OutreachRequest holdout(double percent) {
		if (Double.isNaN(percent) || percent < 0 || percent > 100) {
			throw new IllegalArgumentException(".holdout(" + percent + "): the share must be between 0 and 100");
		}
		this.holdoutPercent = percent;
		return this;
	}

	/**
	 * At most this many first sends of this rule per hour instead of {@code forewarn.brake.hourly-ceiling}; above
	 * it, further outreach of the rule waits for a person's review.
	 */
	public OutreachRequest hourlyCeiling(int perHour) {
		if (perHour < 1) {
			throw new IllegalArgumentException(".hourlyCeiling(" + perHour + "): give 1 or more messages per hour");
		}
		this.hourlyCeiling = perHour;
		return this;
	}

	/**
	 * For a follow-up task: how long a person has once it opens (ISO-8601 duration) before it is past due and
	 * escalated, instead of {@code forewarn.followups.due.<problem>} or {@code forewarn.followups.due.default}.
	 */
	public OutreachRequest dueWithin(String isoDuration) {
		Duration within = duration("dueWithin", isoDuration);
		if (within.isNegative() || within.isZero()) {
			throw new IllegalArgumentException(".dueWithin(\"" + isoDuration + "\"): must be positive");
		}
		this.dueWithin = within;
		return this;
	}

	private static Duration duration(String method, String isoDuration) {
		Duration duration;
		try {
			duration = Duration.parse(isoDuration);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("." + method + "(\"" + isoDuration + "\"): not an ISO-8601 duration "
					+ "such as PT12H or P1D");
		}
		if (Thresholds.tooLong(duration)) {
			throw new IllegalArgumentException("." + method + "(\"" + isoDuration + "\")" + Thresholds.TOO_LONG);
		}
		return duration;
	}

	public Decided decided() { return decided; }
	public String channel() { return channel; }
	public String template() { return template; }
	public Instant notLaterThan() { return notLaterThan; }
	/** The rule's fallback channels, or null when the rule named none. */
	public List<String> fallback() { return fallback; }
	public boolean needsReview() { return review; }
	public boolean defersWhenCapped() { return deferWhenCapped; }
	public int step() { return step; }
	/** The rule's own limit on the trigger's age, or null for the configured one. */
	public Duration maxTriggerAge() { return maxTriggerAge; }
	/** The rule's own holdout share, or null for the configured one. */
	public Double holdoutPercent() { return holdoutPercent; }
	/** The rule's own hourly ceiling, or null for the configured one. */
	public Integer hourlyCeiling() { return hourlyCeiling; }
	/** A task's time to be handled once open, or null for the configured one. */
	public Duration dueWithin() { return dueWithin; }

	/** When it is due, given the time it was decided at. */
	public Instant dueAt(Instant decidedAt) {
		Instant due = sendAt != null ? sendAt : decidedAt.plus(delay);
		return due.isBefore(decidedAt) ? decidedAt : due;
	}
}
