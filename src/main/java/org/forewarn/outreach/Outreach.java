package org.forewarn.outreach;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One outreach record (CONTRACT section 2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outreach(String id, String customerId, String orderId, String rule, String ruleVersion, String problem,
		String channel, String template, Instant decidedAt, Instant sendAt, OutreachStatus status, String statusReason,
		Instant sentAt, String explanation) {
}
