package org.forewarn.outreach;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One outreach record (CONTRACT section 2), plus how it is to be sent ({@code policy}), what the provider said
 * ({@code delivery}), the record it stands in for when it is a fallback, until when a person may approve it, the
 * record it sends again ({@code resendOf}), a follow-up task's due time ({@code dueAt}), and, for a failure that
 * needed a person, who handled it and how ({@code handled}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outreach(String id, String customerId, String orderId, String rule, String ruleVersion, String problem,
		String channel, String template, Instant decidedAt, Instant sendAt, OutreachStatus status, String statusReason,
		Instant sentAt, String explanation, String fallbackFor, Instant reviewUntil, SendPolicy policy,
		Delivery delivery, String resendOf, Instant dueAt, Handled handled) {

	public Outreach(String id, String customerId, String orderId, String rule, String ruleVersion, String problem,
			String channel, String template, Instant decidedAt, Instant sendAt, OutreachStatus status,
			String statusReason, Instant sentAt, String explanation, String fallbackFor, Instant reviewUntil,
			SendPolicy policy, Delivery delivery) {
		this(id, customerId, orderId, rule, ruleVersion, problem, channel, template, decidedAt, sendAt, status,
				statusReason, sentAt, explanation, fallbackFor, reviewUntil, policy, delivery, null, null, null);
	}

	/** What the provider made of it: attempts so far, its message id (Twilio MessageSid) and its error code. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delivery(int attempts, String providerId, String providerCode) {

		static final Delivery NONE = new Delivery(0, null, null);
	}

	/** A failure a person handled: when, who, and how ({@code resent} as another record, or {@code let be}). */
	public record Handled(Instant at, String by) {
	}
}
