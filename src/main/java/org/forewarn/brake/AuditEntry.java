package org.forewarn.brake;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One pause or resume: when, who, what and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, String actor, String action, String scope, String name, String note) {
}
