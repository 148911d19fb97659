package org.forewarn.followup;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.outreach.Outreach;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Needs a person: {@code GET /api/outreach/failed} lists FAILED outreach waiting for one; {@code POST
 * /api/outreach/{id}/resend} sends one again, {@code /acknowledge} lets it be; {@code POST /api/outreach/resend} and
 * {@code /api/outreach/acknowledge} do the same for many ({@code {"ids": [...], "note": "..."}}), answering per id.
 */
@RestController
@Tag(name = "Needs a person", description = "Failures a person sends again or lets be (read: support; act: reviewer)")
class ResendController {

	/** The most ids one bulk request takes (a provider incident leaves hundreds). */
	static final int MAX_IDS = 1000;
	private static final Set<String> MANY = Set.of("ids", "note");

	private final OutreachResend resend;

	ResendController(OutreachResend resend) {
		this.resend = resend;
	}

	@Operation(summary = "FAILED records waiting for a person, oldest first")
	@GetMapping("/api/outreach/failed")
	List<Outreach> waiting(@RequestParam(defaultValue = "500") int limit) {
		return resend.waiting(limit);
	}

	@Operation(summary = "Send a failure again as a new record linked by resendOf")
	@ApiResponse(responseCode = "409", description = "The record does not wait for a person")
	@PostMapping("/api/outreach/{id}/resend")
	ResponseEntity<OutreachResend.Answer> resendOne(@PathVariable String id,
			@RequestBody(required = false) Map<String, Object> body) {
		Signer.name(body);
		return single(resend.resend(id, note(body, NoteBody.NOTE_ONLY)));
	}

	@Operation(summary = "Let a failure be: handled by the signed-in user, nothing sent")
	@ApiResponse(responseCode = "409", description = "The record does not wait for a person")
	@PostMapping("/api/outreach/{id}/acknowledge")
	ResponseEntity<OutreachResend.Answer> acknowledgeOne(@PathVariable String id,
			@RequestBody(required = false) Map<String, Object> body) {
		Signer.name(body);
		return single(resend.acknowledge(id, note(body, NoteBody.NOTE_ONLY)));
	}

	@Operation(summary = "Send several failures again: {\"ids\": [...], \"note\"}, answered per id")
	@PostMapping("/api/outreach/resend")
	Map<String, Object> resendMany(@RequestBody Map<String, Object> body) {
		Signer.name(body);
		return summary(resend.resend(ids(body), note(body, MANY)));
	}

	@Operation(summary = "Let several failures be: {\"ids\": [...], \"note\"}, answered per id")
	@PostMapping("/api/outreach/acknowledge")
	Map<String, Object> acknowledgeMany(@RequestBody Map<String, Object> body) {
		Signer.name(body);
		return summary(resend.acknowledge(ids(body), note(body, MANY)));
	}

	private static ResponseEntity<OutreachResend.Answer> single(OutreachResend.Answer answer) {
		HttpStatus status = switch (answer.outcome()) {
			case RESENT -> HttpStatus.CREATED;
			case ACKNOWLEDGED -> HttpStatus.OK;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
		return ResponseEntity.status(status).body(answer);
	}

	private static Map<String, Object> summary(List<OutreachResend.Answer> answers) {
		long done = answers.stream().filter(a -> a.outcome() == OutreachResend.Outcome.RESENT
				|| a.outcome() == OutreachResend.Outcome.ACKNOWLEDGED).count();
		return Map.of("done", done, "refused", answers.size() - done, "answers", answers);
	}

	private static List<String> ids(Map<String, Object> body) {
		if (!(body.get("ids") instanceof List<?> list) || list.isEmpty()) {
			throw bad("ids: give a non-empty array of outreach ids");
		}
		if (list.size() > MAX_IDS) {
			throw bad("ids: at most " + MAX_IDS + " in one request, got " + list.size());
		}
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > 64) {
				throw bad("ids[" + i + "]: not an outreach id");
			}
		}
		return list.stream().map(String.class::cast).toList();
	}

	private static String note(Map<String, Object> body, Set<String> fields) {
		return NoteBody.note(body, fields, fields.size() == 1 ? "only {\"note\": \"...\"}" : "ids and note");
	}

	private static ResponseStatusException bad(String message) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
	}
}
