package org.forewarn.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.StoredMessage;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachPage;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.StatusChange;
import org.forewarn.outreach.TaskQueue;
import org.forewarn.shared.PageBounds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The follow-up queue: tasks the rules opened for a person, with why each exists. Claim, resolve or dismiss, body
 * {@code {"note": "..."}}; the signed-in user is recorded as who did it.
 */
@RestController
@Tag(name = "Follow-ups", description = "Tasks for people (role support)")
@RequestMapping("/api/followups")
class FollowupController {

	static final int DEFAULT_SIZE = 100;
	static final int MAX_SIZE = 1000;
	/** How far pages reach into the queue: each page reads the tasks before it in the index. */
	static final int MAX_REACH = 100_000;

	private final OutreachStore outreach;
	private final TaskQueue queue;
	private final ChannelDispatch channels;
	private final FollowupActions actions;
	private final Clock clock;

	FollowupController(OutreachStore outreach, TaskQueue queue, ChannelDispatch channels, FollowupActions actions,
			Clock clock) {
		this.outreach = outreach;
		this.queue = queue;
		this.channels = channels;
		this.actions = actions;
		this.clock = clock;
	}

	/**
	 * Open and claimed tasks by default ({@code status=ALL}: every task), most urgent first: escalated ones, then by
	 * due time, then by the rule's deadline, then the oldest; optionally only one customer, problem, rule or
	 * assignee, or tasks older than an age. One page of {@code size} (default 100, at most 1000); a {@code Link}
	 * header with {@code rel="next"} points at the next page when there is one.
	 */
	@Operation(summary = "Open and claimed tasks, or those of one status, most urgent first, one page at a time")
	@GetMapping
	ResponseEntity<List<Followup>> list(@Parameter(description = "ALL, or a status", example = "OPEN")
			@RequestParam(required = false) String status,
			@Parameter(example = "c-1") @RequestParam(required = false) String customerId,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String rule,
			@Parameter(description = "who claimed it") @RequestParam(required = false) String assignee,
			@Parameter(description = "decided longer ago than this: hours or days", example = "3d")
			@RequestParam(required = false) String age,
			@Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "tasks per page, 1-" + MAX_SIZE) @RequestParam(defaultValue = "" + DEFAULT_SIZE)
			int size) {
		Set<OutreachStatus> statuses = "ALL".equalsIgnoreCase(status) ? null
				: blank(status) == null ? TaskQueue.ACTIVE : Set.of(status(status));
		Instant now = clock.instant();
		Duration older;
		try {
			PageBounds.check(page, size, MAX_SIZE, MAX_REACH, "narrow the filters to reach older tasks");
			older = TaskQueue.age(age);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
		OutreachPage tasks = queue.page(new TaskQueue.TaskFilter(statuses, blank(customerId), blank(problem),
				blank(rule), older == null ? null : now.minus(older), blank(assignee)), now, page, size);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (tasks.more()) {
			answer.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("page", page + 1).replaceQueryParam("size", size).build().toUriString()
					+ ">; rel=\"next\"");
		}
		return answer.body(tasks.records().stream().map(o -> followup(o, now)).toList());
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
	Followup claim(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		return followup(actions.claim(id, Signer.name(body), note(body)), clock.instant());
	}

	@Operation(summary = "Resolve an open or claimed task")
	@ApiResponse(responseCode = "409", description = "The task is neither open nor claimed")
	@PostMapping("/{id}/resolve")
	Followup resolve(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		return followup(actions.resolve(id, Signer.name(body), note(body)), clock.instant());
	}

	@Operation(summary = "Dismiss an open or claimed task")
	@ApiResponse(responseCode = "409", description = "The task is neither open nor claimed")
	@PostMapping("/{id}/dismiss")
	Followup dismiss(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
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

	private static OutreachStatus status(String value) {
		try {
			return OutreachStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status: unknown status '" + value
					+ "'; ALL or one of " + Arrays.toString(OutreachStatus.values()));
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String note(Map<String, Object> body) {
		return NoteBody.note(body);
	}
}
