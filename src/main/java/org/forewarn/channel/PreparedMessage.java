package org.forewarn.channel;

import org.forewarn.logging.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message rendered and built for its channel (for email, with the SMTP connection open), waiting only to be
 * handed over; or, when {@link #failure()} is set, one that cannot go out, with nothing sent. Close it when done.
 */
public final class PreparedMessage implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PreparedMessage.class);

	final OutgoingMessage message;
	final RenderedMessage content;
	final Sender sender;
	final Sender.Handover handover;
	private final DeliveryResult failure;

	private PreparedMessage(OutgoingMessage message, RenderedMessage content, Sender sender, Sender.Handover handover,
			DeliveryResult failure) {
		this.message = message;
		this.content = content;
		this.sender = sender;
		this.handover = handover;
		this.failure = failure;
	}

	static PreparedMessage ready(OutgoingMessage message, RenderedMessage content, Sender sender,
			Sender.Handover handover) {
		return new PreparedMessage(message, content, sender, handover, null);
	}

	static PreparedMessage failed(OutgoingMessage message, DeliveryResult failure) {
		return new PreparedMessage(message, null, null, null, failure);
	}

	/** Why the message cannot go out (nothing was sent), or null when it is ready to be handed over. */
	public DeliveryResult failure() {
		return failure;
	}

	@Override
	public void close() {
		if (handover == null) {
			return;
		}
		try {
			handover.close();
		}
		catch (Exception e) {
			log.debug("Outreach {}: closing the {} connection failed: {}", message.outreachId(), message.channel(),
					PersonalData.mask(String.valueOf(e.getMessage())));
		}
	}
}
