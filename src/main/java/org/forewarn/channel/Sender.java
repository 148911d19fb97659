package org.forewarn.channel;

/** Delivers rendered messages on one channel. */
interface Sender {

	String channel();

	/** Plain words for logs and health, e.g. "SMTP smtp.example.com:587" or "recording (no SMTP configured)". */
	String mode();

	boolean isRecording();

	DeliveryResult send(OutgoingMessage message, RenderedMessage rendered);
}
