package org.forewarn.channel;

import java.util.Locale;
import java.util.Map;

/**
 * One message to deliver: which outreach, which channel and template, to whom, in which language, and the values its
 * template may use (text, or dates that are written out in the template's language). {@code recipient} is an email
 * address, an E.164 phone number, or null for a task; {@code unsubscribeUrl} is set for email. {@code approved},
 * when set, is the content a reviewer approved: it is sent exactly as it is, the template is not rendered again.
 */
public record OutgoingMessage(String outreachId, String channel, String template, String recipient, Locale locale,
		Map<String, ?> variables, String unsubscribeUrl, RenderedMessage approved) {

	public OutgoingMessage(String outreachId, String channel, String template, String recipient, Locale locale,
			Map<String, ?> variables, String unsubscribeUrl) {
		this(outreachId, channel, template, recipient, locale, variables, unsubscribeUrl, null);
	}

	public OutgoingMessage(String outreachId, String channel, String template, String recipient, Locale locale,
			Map<String, ?> variables) {
		this(outreachId, channel, template, recipient, locale, variables, null, null);
	}

	/** The same message, to be sent with this approved content instead of a fresh rendering. */
	public OutgoingMessage withApproved(RenderedMessage content) {
		return new OutgoingMessage(outreachId, channel, template, recipient, locale, variables, unsubscribeUrl,
				content);
	}
}
