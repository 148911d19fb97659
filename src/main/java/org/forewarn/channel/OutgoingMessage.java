package org.forewarn.channel;

import java.util.Locale;
import java.util.Map;

/**
 * One message to deliver: which outreach, which channel and template, to whom, and the values its template may use.
 * {@code recipient} is an email address, an E.164 phone number, or null for a task.
 */
public record OutgoingMessage(String outreachId, String channel, String template, String recipient, Locale locale,
		Map<String, String> variables) {
}
