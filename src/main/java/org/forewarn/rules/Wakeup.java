package org.forewarn.rules;

import java.time.Instant;

import org.forewarn.shared.StableId;

/** "Evaluate this customer again at {@code at}", as asked by a rule or by a scheduled send. */
public record Wakeup(String customerId, Instant at, String orderId, String label) {

	/** Stable identity, so asking twice for the same wakeup schedules it once. */
	public String key() {
		return customerId + "|" + at.toEpochMilli() + "|" + (orderId == null ? "" : orderId) + "|" + label;
	}

	/** A short hash of {@link #key()}, for job names and the id of the timer event it raises. */
	public String id() {
		return StableId.of(key());
	}
}
