package org.forewarn.channel;

/** What an outreach said, as rendered when it went out; {@code recorded} when it was kept rather than sent. */
public record StoredMessage(String channel, String recipient, String subject, String body, boolean recorded) {
}
