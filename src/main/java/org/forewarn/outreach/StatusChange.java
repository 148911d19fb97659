package org.forewarn.outreach;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One step in an outreach record's history; {@code actor} is the signed-in user who made it, null for Forewarn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChange(Instant at, OutreachStatus status, String reason, String actor) {

	public StatusChange(Instant at, OutreachStatus status, String reason) {
		this(at, status, reason, null);
	}
}
