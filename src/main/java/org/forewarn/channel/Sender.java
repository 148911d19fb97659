package org.forewarn.channel;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Delivers rendered messages on one channel, in two steps: {@link #prepare} does everything that can fail or take
 * time without the provider seeing the message, before the send is claimed; the {@link Handover} it returns then
 * makes the one call that hands the message over.
 */
interface Sender extends AutoCloseable {

	String channel();

	/** Plain words for logs and health, e.g. "SMTP smtp.example.com:587" or "recording (no SMTP configured)". */
	String mode();

	boolean isRecording();

	/** Builds the provider's message and, where the provider allows, connects; nothing here reaches the customer. */
	Handover prepare(OutgoingMessage message, RenderedMessage rendered) throws Unsendable;

	/**
	 * Asks the provider whether this message went out between {@code from} and {@code to}; provider ids for which
	 * {@code taken} is true belong to other records and do not count.
	 */
	default SentLookup lookup(OutgoingMessage message, RenderedMessage rendered, Instant from, Instant to,
			Predicate<String> taken) {
		return SentLookup.unknown("the " + channel() + " channel cannot be asked what went out");
	}

	/** Releases what the sender keeps open between messages (connections); called once, at shutdown. */
	@Override
	default void close() {
	}

	/** A message ready to go: {@link #send} hands it to the provider once; {@link #close} releases the connection. */
	interface Handover extends AutoCloseable {

		DeliveryResult send();

		@Override
		default void close() {
		}
	}

	/** The message cannot go out now, and nothing was sent: {@code result} says whether to try again. */
	final class Unsendable extends Exception {

		private final transient DeliveryResult result;

		Unsendable(DeliveryResult result) {
			super(result.reason(), null, false, false);
			this.result = result;
		}

		DeliveryResult result() {
			return result;
		}
	}
}
