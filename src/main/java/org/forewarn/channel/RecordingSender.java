package org.forewarn.channel;

/** Stands in for a channel that is not configured: keeps what would have been sent, sends nothing. */
final class RecordingSender implements Sender {

	private final String channel;
	private final String why;

	RecordingSender(String channel, String why) {
		this.channel = channel;
		this.why = why;
	}

	@Override
	public String channel() {
		return channel;
	}

	@Override
	public String mode() {
		return "recording only, nothing is sent (" + why + ")";
	}

	@Override
	public boolean isRecording() {
		return true;
	}

	@Override
	public Handover prepare(OutgoingMessage message, RenderedMessage rendered) {
		return () -> DeliveryResult.sent("recorded, not sent: " + why, null);
	}
}
