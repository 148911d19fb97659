package org.forewarn.outreach;

import java.time.Instant;

/** One try at handing an outreach to its channel; {@code finishedAt} null means it never got an answer. */
public record Attempt(int attempt, String channel, Instant startedAt, Instant finishedAt, String outcome, String code,
		String detail) {
}
