package org.forewarn.brake;

import java.time.Instant;

/**
 * A pause was lifted (published after it is stored): outreach it held back may go out. {@code settledAt}: by then
 * every instance has read the pauses again, so a dispatch then finds the outreach free on any of them.
 */
public record PauseLifted(String scope, String name, Instant settledAt) {
}
