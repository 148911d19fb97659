package org.forewarn.brake;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A pause in force: what it holds back, why, who paused it and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pause(String scope, String name, String note, String pausedBy, Instant pausedAt) {

	private static final String HELD = "paused by ";

	/** The reason outreach held back by it carries: {@code paused by lea (channel sms: carrier outage)}. */
	public String reason() {
		return HELD + pausedBy + " (" + scope + " " + name + (note == null || note.isBlank() ? "" : ": " + note)
				+ ")";
	}

	/** Whether a record's status reason says a pause holds it back. */
	public static boolean heldBack(String statusReason) {
		return statusReason != null && statusReason.startsWith(HELD);
	}

	boolean holds(String rule, String problem, String channel) {
		return switch (PauseScope.parse(scope)) {
			case RULE -> name.equals(rule);
			case PROBLEM -> name.equals(problem);
			case CHANNEL -> name.equals(channel);
		};
	}
}
