package org.forewarn.outreach;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.OutgoingMessage;
import org.forewarn.channel.RenderedMessage;
import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateStore;
import org.springframework.stereotype.Component;

/**
 * Renders an outreach record's message the way the dispatcher would send it now: the same variables, the
 * customer's language, the unsubscribe link. For reading before it goes out; nothing is sent or kept.
 */
@Component
public class OutreachPreview {

	/** The message, or {@code problem} when it cannot be rendered (the send would fail the same way). */
	public record Preview(String recipient, String subject, String text, String problem) {
	}

	private final CustomerStateStore states;
	private final OutreachStore outreach;
	private final MessageVariables messages;
	private final ChannelDispatch channels;

	OutreachPreview(CustomerStateStore states, OutreachStore outreach, MessageVariables messages,
			ChannelDispatch channels) {
		this.states = states;
		this.outreach = outreach;
		this.messages = messages;
		this.channels = channels;
	}

	public Preview of(Outreach o) {
		try {
			CustomerState state = states.load(o.customerId());
			Outreach replaced = o.fallbackFor() == null ? null : outreach.find(o.fallbackFor()).orElse(null);
			OutgoingMessage message = messages.message(o, state, replaced);
			RenderedMessage rendered = channels.preview(message);
			return new Preview(message.recipient(), rendered.subject(), rendered.text(), null);
		}
		catch (RuntimeException e) {
			return new Preview(null, null, null, e.getMessage());
		}
	}
}
