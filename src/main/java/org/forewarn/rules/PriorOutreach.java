package org.forewarn.rules;

import java.time.Instant;

/** Outreach already decided for this customer, so rules can hold back or follow up. A rule fact. */
public record PriorOutreach(String problem, String orderId, String rule, String channel, String status,
		Instant sendAt) {

	public String getProblem() { return problem; }
	public String getOrderId() { return orderId; }
	public String getChannel() { return channel; }
	public String getStatus() { return status; }
	public Instant getSendAt() { return sendAt; }
}
