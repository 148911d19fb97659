package org.forewarn.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.StoredMessage;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachFilter;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.StatusChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The follow-up queue: tasks the rules opened for a person, with why each exists. Claim, resolve or dismiss, body
 * {@code {"note": "..."}}; the signed-in user is recorded as who did it.
 */
@RestController
@RequestMapping("/api/followups")
class FollowupController {

	private static final Set<OutreachStatus> ACTIVE = Set.of(OutreachStatus.OPEN, OutreachStatus.CLAIMED);

	private final OutreachStore outreach;
	private final ChannelDispatch channels;
	private final Clock clock;

	FollowupController(OutreachStore outreach, ChannelDispatch channels, Clock clock) {
		this.outreach = outreach;
		this.channels = channels;
		this.clock = clock;
	}

	/**
	 * Open and claimed tasks by default ({@code status=ALL}: every task), most urgent first: escalated ones, then by
	 * due time, then by the rule's deadline, then the oldest; optionally only one problem, rule or assignee.
	 */
	@GetMapping
	List<Followup> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String customerId, @RequestParam(required = false) String problem,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String assignee) {
		boolean all = "ALL".equalsIgnoreCase(status);
		OutreachStatus only = all || status == null || status.isBlank() ? null : status(status);
		Instant now = clock.instant();
		return outreach.search(new OutreachFilter(customerId, null, only, "task"), 1000).stream()
			.filter(o -> all || only != null || ACTIVE.contains(o.status()))
			.filter(o -> problem == null || problem.equals(o.problem()))
			.filter(o -> rule == null || rule.equals(o.rule()))
			.map(o -> followup(o, now))
			.filter(f -> assignee == null || assignee.equals(f.assignee()))
			.sorted(MOST_URGENT_FIRST)
			.toList();
	}

	/** Counts for the queue's header: open, claimed, and escalated (open, unclaimed, past due). */
	@GetMapping("/summary")
	Map<String, Integer> summary() {
		return outreach.followupCounts(clock.instant());
	}

	@PostMapping("/{id}/claim")
	Followup claim(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		String by = Signer.name(body);
		return move(id, Set.of(OutreachStatus.OPEN), OutreachStatus.CLAIMED, "claimed by " + by, by);
	}

	@PostMapping("/{id}/resolve")
	Followup resolve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		String by = Signer.name(body);
		return move(id, ACTIVE, OutreachStatus.RESOLVED, "resolved by " + by + note(body), by);
	}

	@PostMapping("/{id}/dismiss")
	Followup dismiss(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		String by = Signer.name(body);
		return move(id, ACTIVE, OutreachStatus.DISMISSED, "dismissed by " + by + note(body), by);
	}

	private Followup move(String id, Set<OutreachStatus> from, OutreachStatus to, String reason, String by) {
		Outreach task = outreach.find(id).filter(o -> "task".equals(o.channel()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no follow-up task " + id));
		if (!outreach.transitionBy(id, from, to, reason, clock.instant(), by)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"follow-up " + id + " is " + task.status() + "; it can be moved to " + to + " only from " + from);
		}
		return followup(outreach.find(id).orElseThrow(), clock.instant());
	}

	private Followup followup(Outreach task, Instant now) {
		StoredMessage note = channels.message(task.id()).orElse(null);
		List<StatusChange> history = outreach.history(task.id());
		String assignee = task.status() != OutreachStatus.CLAIMED ? null : history.stream()
			.filter(c -> c.status() == OutreachStatus.CLAIMED).map(StatusChange::actor).reduce((a, b) -> b)
			.orElse(null);
		return new Followup(task, note == null ? null : note.subject(), note == null ? null : note.body(), history,
				assignee, FollowupEscalation.escalated(task, now));
	}

	private static final Comparator<Followup> MOST_URGENT_FIRST = Comparator
		.comparing((Followup f) -> !f.escalated())
		.thenComparing(f -> f.task().dueAt(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(f -> f.task().policy().notLaterThan(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(f -> f.task().decidedAt())
		.thenComparing(f -> f.task().id());

	private static OutreachStatus status(String value) {
		try {
			return OutreachStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status: unknown status '" + value
					+ "'; ALL or one of " + Arrays.toString(OutreachStatus.values()));
		}
	}

	private static String note(Map<String, String> body) {
		String note = body == null ? null : body.get("note");
		return note == null || note.isBlank() ? "" : ": " + note;
	}
}
