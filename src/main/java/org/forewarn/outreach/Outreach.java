package org.forewarn.outreach;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One outreach record (CONTRACT section 2), plus how it is to be sent ({@code policy}), what the provider said
 * ({@code delivery}), the record it stands in for when it is a fallback, and until when a person may approve it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outreach(String id, String customerId, String orderId, String rule, String ruleVersion, String problem,
		String channel, String template, Instant decidedAt, Instant sendAt, OutreachStatus status, String statusReason,
		Instant sentAt, String explanation, String fallbackFor, Instant reviewUntil, SendPolicy policy,
		Delivery delivery) {

	/** What the provider made of it: attempts so far, its message id (Twilio MessageSid) and its error code. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delivery(int attempts, String providerId, String providerCode) {

		static final Delivery NONE = new Delivery(0, null, null);
	}
}
