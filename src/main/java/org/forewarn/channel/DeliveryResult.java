package org.forewarn.channel;

/** What became of one delivery attempt. */
public record DeliveryResult(Outcome outcome, String reason) {

	public enum Outcome {
		/** Handed to the provider (or recorded, when the channel is not configured). */
		SENT,
		/** A follow-up task is now open for a person. */
		TASK_OPENED,
		/** Could not be delivered; {@code reason} says why. */
		FAILED
	}

	public static DeliveryResult failed(String reason) {
		return new DeliveryResult(Outcome.FAILED, reason);
	}
}
