package org.forewarn.channel;

import java.time.Instant;

/**
 * A provider refused a message for good with its own error code (for SMS, Twilio's: 21610 opted out, 21211 invalid
 * number, ...), published as an application event right after the hand-over, so others can act on what the code says
 * about the recipient. {@code recipient} is the address or number the message was for.
 */
public record RecipientRefused(String outreachId, String channel, String recipient, String code, Instant at) {
}
