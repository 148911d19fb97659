package org.forewarn.brake;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A pause in force: what it holds back, why, who paused it and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pause(String scope, String name, String note, String pausedBy, Instant pausedAt) {

	/** The reason outreach held back by it carries: {@code paused by lea (channel sms: carrier outage)}. */
	public String reason() {
		return "paused by " + pausedBy + " (" + scope + " " + name + (note == null || note.isBlank() ? "" : ": " + note)
				+ ")";
	}

	boolean holds(String rule, String problem, String channel) {
		return switch (PauseScope.parse(scope)) {
			case RULE -> name.equals(rule);
			case PROBLEM -> name.equals(problem);
			case CHANNEL -> name.equals(channel);
		};
	}
}
