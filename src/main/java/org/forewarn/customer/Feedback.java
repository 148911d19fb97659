package org.forewarn.customer;

import java.time.Instant;

/** One rating the customer gave. A rule fact. */
public record Feedback(String customerId, Instant at, double score, String scale, String orderId, String comment) {

	/** A detractor: 1-2 on a five-point scale, 0-6 on NPS. */
	public boolean isLow() {
		return "nps10".equals(scale) ? score <= 6 : score <= 2;
	}

	public Instant getAt() { return at; }
	public double getScore() { return score; }
	public String getScale() { return scale; }
	public String getOrderId() { return orderId; }
}
