package org.forewarn.outreach;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.OutgoingMessage;
import org.forewarn.channel.RenderedMessage;
import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateStore;
import org.springframework.stereotype.Component;

/**
 * Renders an outreach record's message the way the dispatcher would send it now: the same variables, the
 * customer's language, the unsubscribe link. For reading before it goes out (the console's review queue), and for
 * the rendering a reviewer approves ({@link OutreachReview}); nothing is sent or kept here.
 */
@Component
public class OutreachPreview {

	/** The message, or {@code problem} when it cannot be rendered (the send would fail the same way). */
	public record Preview(String recipient, String subject, String text, String problem) {
	}

	/** The rendered message and whom it goes to. */
	public record Rendered(String recipient, RenderedMessage message) {
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

	/** The message, or the reason it does not render. */
	public Preview of(Outreach o) {
		try {
			Rendered rendered = render(o);
			return new Preview(rendered.recipient(), rendered.message().subject(), rendered.message().text(), null);
		}
		catch (RuntimeException e) {
			return new Preview(null, null, null, e.getMessage());
		}
	}

	/**
	 * Renders the record's message from the customer's state now (with the record it stands in for, when it is a
	 * fallback). An {@link IllegalArgumentException} names the template problem when it does not render.
	 */
	public Rendered render(Outreach o) {
		CustomerState state = states.load(o.customerId());
		Outreach replaced = o.fallbackFor() == null ? null : outreach.find(o.fallbackFor()).orElse(null);
		OutgoingMessage message = messages.message(o, state, replaced);
		return new Rendered(message.recipient(), channels.preview(message));
	}
}
