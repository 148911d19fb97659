package org.forewarn.channel;

/** Opens a follow-up task for a person; the task itself is the outreach record, listed under /api/followups. */
final class TaskSender implements Sender {

	@Override
	public String channel() {
		return "task";
	}

	@Override
	public String mode() {
		return "follow-up queue";
	}

	@Override
	public boolean isRecording() {
		return false;
	}

	@Override
	public Handover prepare(OutgoingMessage message, RenderedMessage rendered) {
		return () -> new DeliveryResult(DeliveryResult.Outcome.TASK_OPENED, "follow-up task opened", null, null);
	}
}
