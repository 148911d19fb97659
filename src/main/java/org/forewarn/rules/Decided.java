package org.forewarn.rules;

/**
 * What every decision shares: the problem, its subject (order id, or empty for account-wide problems), the rule that
 * decided it and the evidence it matched.
 */
public record Decided(String problem, String orderId, String rule, String explanation) {

	/** The detection's subject: the order id, or "" for account-wide problems. */
	public String subject() {
		return orderId == null ? "" : orderId;
	}
}
