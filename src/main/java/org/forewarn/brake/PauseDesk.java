package org.forewarn.brake;

import java.util.List;

import org.forewarn.channel.ChannelDispatch;
import org.springframework.stereotype.Component;

/**
 * Pausing and resuming as people ask for it, through the API or the console: every field checked (an error names
 * it), then {@link Pauses} does the change and its audit entry. The actor is always the signed-in user.
 */
@Component
public class PauseDesk {

	static final int NAME = 300;
	static final int NOTE = 1000;
	static final int AUDIT_SHOWN = 100;

	private final Pauses pauses;
	private final ChannelDispatch channels;
	private final PauseTargets targets;

	PauseDesk(Pauses pauses, ChannelDispatch channels, PauseTargets targets) {
		this.pauses = pauses;
		this.channels = channels;
		this.targets = targets;
	}

	/** The pauses in force and the latest audit entries, newest first. */
	public record Listing(List<Pause> pauses, List<AuditEntry> audit) {
	}

	/** The pause in force after the request; {@code created} false when the same pause already was. */
	public record Paused(Pause pause, boolean created) {
	}

	public Listing listing() {
		return new Listing(pauses.current(), pauses.recentAudit(AUDIT_SHOWN));
	}

	/** Throws IllegalArgumentException naming the field when one is missing or not acceptable. */
	public Paused pause(String scope, String name, String note, String by) {
		PauseScope parsed = PauseScope.parse(checked("scope", scope, 10, true));
		String checkedName = checked("name", name, NAME, true);
		if (parsed == PauseScope.CHANNEL && !channels.knows(checkedName)) {
			throw new IllegalArgumentException("name: there is no channel '" + checkedName + "'");
		}
		if (parsed == PauseScope.RULE) {
			targets.checkRule(checkedName);
		}
		if (parsed == PauseScope.PROBLEM) {
			targets.checkProblem(checkedName);
		}
		String checkedNote = checked("note", note, NOTE, false);
		return pauses.pause(parsed, checkedName, checkedNote, actor(by)).map(p -> new Paused(p, true))
			.orElseGet(() -> new Paused(pauses.find(parsed, checkedName).orElseThrow(), false));
	}

	/** False when no such pause was in force. */
	public boolean resume(String scope, String name, String note, String by) {
		PauseScope parsed = PauseScope.parse(scope);
		return pauses.resume(parsed, name, checked("note", note, NOTE, false), actor(by));
	}

	/** A stripped value, null when blank and not required. */
	static String checked(String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new IllegalArgumentException(field + ": required");
			}
			return null;
		}
		if (value.length() > max) {
			throw new IllegalArgumentException(field + ": longer than " + max + " characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException(field + ": contains control characters");
		}
		return value.strip();
	}

	private static String actor(String by) {
		if (by == null || by.isBlank()) {
			throw new IllegalStateException("no signed-in user to name as the actor");
		}
		return by;
	}
}
