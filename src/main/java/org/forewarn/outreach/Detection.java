package org.forewarn.outreach;

import java.time.Instant;

/** A problem a rule detected for a customer; {@code subject} is the order id or "" for account-wide problems. */
public record Detection(String customerId, String problem, String subject, String rule, String ruleVersion,
		Instant detectedAt, Instant resolvedAt, String resolvedReason, String explanation) {
}
