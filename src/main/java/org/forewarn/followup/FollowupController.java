package org.forewarn.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Follow-ups", description = "Tasks for people (role support)")
@RequestMapping("/api/followups")
class FollowupController {

	private final OutreachStore outreach;
	private final ChannelDispatch channels;
	private final FollowupActions actions;
	private final Clock clock;

	FollowupController(OutreachStore outreach, ChannelDispatch channels, FollowupActions actions, Clock clock) {
		this.outreach = outreach;
		this.channels = channels;
		this.actions = actions;
		this.clock = clock;
	}

	/**
	 * Open and claimed tasks by default ({@code status=ALL}: every task), most urgent first: escalated ones, then by
	 * due time, then by the rule's deadline, then the oldest; optionally only one problem, rule or assignee.
	 */
	@Operation(summary = "Open and claimed tasks, or those of one status, most urgent first")
	@GetMapping
	List<Followup> list(@Parameter(description = "ALL, or a status", example = "OPEN")
			@RequestParam(required = false) String status,
			@Parameter(example = "c-1") @RequestParam(required = false) String customerId,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String assignee) {
		boolean all = "ALL".equalsIgnoreCase(status);
		OutreachStatus only = all || status == null || status.isBlank() ? null : status(status);
		Instant now = clock.instant();
		return outreach.search(new OutreachFilter(customerId, null, only, "task"), 1000).stream()
			.filter(o -> all || only != null || FollowupActions.ACTIVE.contains(o.status()))
			.filter(o -> problem == null || problem.equals(o.problem()))
			.filter(o -> rule == null || rule.equals(o.rule()))
			.map(o -> followup(o, now))
			.filter(f -> assignee == null || assignee.equals(f.assignee()))
			.sorted(MOST_URGENT_FIRST)
			.toList();
	}

	/** Counts for the queue's header: open, claimed, and escalated (open, unclaimed, past due). */
	@Operation(summary = "Open, claimed and escalated task counts")
	@GetMapping("/summary")
	Map<String, Integer> summary() {
		return outreach.followupCounts(clock.instant());
	}

	@Operation(summary = "Claim an open task; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The task is not open")
	@PostMapping("/{id}/claim")
	Followup claim(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		return followup(actions.claim(id, Signer.name(body), null), clock.instant());
	}

	@Operation(summary = "Resolve an open or claimed task")
	@ApiResponse(responseCode = "409", description = "The task is neither open nor claimed")
	@PostMapping("/{id}/resolve")
	Followup resolve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		return followup(actions.resolve(id, Signer.name(body), note(body)), clock.instant());
	}

	@Operation(summary = "Dismiss an open or claimed task")
	@ApiResponse(responseCode = "409", description = "The task is neither open nor claimed")
	@PostMapping("/{id}/dismiss")
	Followup dismiss(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		return followup(actions.dismiss(id, Signer.name(body), note(body)), clock.instant());
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
		return body == null ? null : body.get("note");
	}
}
