package org.forewarn.channel;

/** A template rendered for one message; {@code html} and {@code subject} may be null. */
public record RenderedMessage(String subject, String text, String html) {
}
