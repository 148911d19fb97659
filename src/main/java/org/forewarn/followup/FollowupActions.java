package org.forewarn.followup;

import java.time.Clock;
import java.util.Set;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Claim, resolve or dismiss a follow-up task, for the API and the console alike. {@code by} is the signed-in user;
 * a task that is not there is 404, one that cannot make the move from where it is 409.
 */
@Component
public class FollowupActions {

	static final Set<OutreachStatus> ACTIVE = Set.of(OutreachStatus.OPEN, OutreachStatus.CLAIMED);

	private final OutreachStore outreach;
	private final Clock clock;

	FollowupActions(OutreachStore outreach, Clock clock) {
		this.outreach = outreach;
		this.clock = clock;
	}

	public Outreach claim(String id, String by, String note) {
		return move(id, Set.of(OutreachStatus.OPEN), OutreachStatus.CLAIMED, "claimed by " + by + note(note), by);
	}

	public Outreach resolve(String id, String by, String note) {
		return move(id, ACTIVE, OutreachStatus.RESOLVED, "resolved by " + by + note(note), by);
	}

	public Outreach dismiss(String id, String by, String note) {
		return move(id, ACTIVE, OutreachStatus.DISMISSED, "dismissed by " + by + note(note), by);
	}

	private Outreach move(String id, Set<OutreachStatus> from, OutreachStatus to, String reason, String by) {
		Outreach task = outreach.find(id).filter(o -> "task".equals(o.channel()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no follow-up task " + id));
		if (!outreach.transitionBy(id, from, to, reason, clock.instant(), by)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"follow-up " + id + " is " + task.status() + "; it can be moved to " + to + " only from " + from);
		}
		return outreach.find(id).orElseThrow();
	}

	private static String note(String note) {
		return note == null || note.isBlank() ? "" : ": " + Notes.checked(note);
	}
}
