package org.forewarn.followup;

import java.security.Principal;
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

	FollowupController(OutreachStore outreach, ChannelDispatch channels, FollowupActions actions) {
		this.outreach = outreach;
		this.channels = channels;
		this.actions = actions;
	}

	/** Open and claimed tasks by default; {@code status=ALL} lists every task. */
	@Operation(summary = "Open and claimed tasks, or those of one status")
	@GetMapping
	List<Followup> list(@Parameter(description = "ALL, or a status", example = "OPEN")
			@RequestParam(required = false) String status,
			@Parameter(example = "c-1") @RequestParam(required = false) String customerId) {
		boolean all = "ALL".equalsIgnoreCase(status);
		OutreachStatus only = all || status == null || status.isBlank() ? null : status(status);
		return outreach.search(new OutreachFilter(customerId, null, only, "task"), 1000).stream()
			.filter(o -> all || only != null || FollowupActions.ACTIVE.contains(o.status()))
			.map(this::followup)
			.toList();
	}

	@Operation(summary = "Claim an open task; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The task is not open")
	@PostMapping("/{id}/claim")
	Followup claim(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return followup(actions.claim(id, Signer.name(user, body), null));
	}

	@Operation(summary = "Resolve an open or claimed task")
	@ApiResponse(responseCode = "409", description = "The task is neither open nor claimed")
	@PostMapping("/{id}/resolve")
	Followup resolve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return followup(actions.resolve(id, Signer.name(user, body), note(body)));
	}

	@Operation(summary = "Dismiss an open or claimed task")
	@ApiResponse(responseCode = "409", description = "The task is neither open nor claimed")
	@PostMapping("/{id}/dismiss")
	Followup dismiss(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return followup(actions.dismiss(id, Signer.name(user, body), note(body)));
	}

	private Followup followup(Outreach task) {
		StoredMessage note = channels.message(task.id()).orElse(null);
		return new Followup(task, note == null ? null : note.subject(), note == null ? null : note.body(),
				outreach.history(task.id()));
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

	private static String note(Map<String, String> body) {
		return body == null ? null : body.get("note");
	}
}
