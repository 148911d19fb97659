package org.forewarn.outreach;

import java.time.Instant;

/** One step in an outreach record's history. */
public record StatusChange(Instant at, OutreachStatus status, String reason) {
}
