package org.forewarn.channel;

/**
 * What became of one delivery attempt: the outcome, in words why, the provider's error code when it refused
 * ({@code code}), and the provider's id for the message when it took it ({@code providerId}, e.g. a Twilio SID).
 */
public record DeliveryResult(Outcome outcome, String reason, String code, String providerId) {

	public enum Outcome {
		/** Handed to the provider (or recorded, when the channel is not configured). */
		SENT,
		/** A follow-up task is now open for a person. */
		TASK_OPENED,
		/** Failed for now (connection refused, timeout, rate limit, server error): worth trying again later. */
		RETRY,
		/** Failed for good (invalid number, opted out, mailbox refused, broken template): do not try again. */
		FAILED,
		/**
		 * No answer after the request may have reached the provider (a read timeout after it was written, the
		 * connection lost mid-answer, SMTP silent after the message data): it may have gone out, so it is never
		 * tried again, on this channel or another.
		 */
		UNCERTAIN
	}

	/** Code of a failure that no other channel can fix: the template itself is broken. */
	public static final String TEMPLATE = "template";

	/** Code of a result that may have reached the customer: see {@link Outcome#UNCERTAIN}. */
	public static final String UNCERTAIN = "uncertain";

	public static DeliveryResult sent(String reason, String providerId) {
		return new DeliveryResult(Outcome.SENT, reason, null, providerId);
	}

	public static DeliveryResult retry(String reason, String code) {
		return new DeliveryResult(Outcome.RETRY, reason, code, null);
	}

	public static DeliveryResult failed(String reason, String code) {
		return new DeliveryResult(Outcome.FAILED, reason, code, null);
	}

	public static DeliveryResult uncertain(String reason) {
		return new DeliveryResult(Outcome.UNCERTAIN, reason, UNCERTAIN, null);
	}
}
