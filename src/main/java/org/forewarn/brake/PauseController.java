package org.forewarn.brake;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.channel.ChannelDispatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Pause and resume outreach per rule, problem or channel: {@code POST /api/pauses} {scope, name, note},
 * {@code DELETE /api/pauses/{scope}/{name}?note=}, {@code GET /api/pauses} (the pauses in force and the latest
 * audit entries). Who did it is the signed-in user.
 */
@RestController
@Tag(name = "Brake", description = "Pause and resume outreach (read: support; change: reviewer)")
@RequestMapping("/api/pauses")
class PauseController {

	private static final int NAME = 300;
	private static final int NOTE = 1000;
	private static final int AUDIT_SHOWN = 100;
	private static final Set<String> FIELDS = Set.of("scope", "name", "note");

	private final Pauses pauses;
	private final ChannelDispatch channels;

	PauseController(Pauses pauses, ChannelDispatch channels) {
		this.pauses = pauses;
		this.channels = channels;
	}

	record Listing(List<Pause> pauses, List<AuditEntry> audit) {
	}

	@Operation(summary = "Pauses in force and the latest audit entries")
	@GetMapping
	Listing list() {
		return new Listing(pauses.current(), pauses.recentAudit(AUDIT_SHOWN));
	}

	@Operation(summary = "Pause outreach of a rule, problem or channel; body {\"scope\", \"name\", \"note\"}")
	@ApiResponse(responseCode = "400", description = "Unknown scope or channel, missing name, a field not accepted")
	@PostMapping
	ResponseEntity<Pause> pause(@RequestBody Map<String, Object> body, Principal user) {
		for (String field : body.keySet()) {
			if (!FIELDS.contains(field)) {
				throw bad(field + ": not accepted; send scope, name and note (who paused is the signed-in user)");
			}
		}
		PauseScope scope = scope(text(body, "scope", 10, true));
		String name = text(body, "name", NAME, true);
		if (scope == PauseScope.CHANNEL && !channels.knows(name)) {
			throw bad("name: there is no channel '" + name + "'");
		}
		String note = text(body, "note", NOTE, false);
		return pauses.pause(scope, name, note, by(user))
			.map(p -> ResponseEntity.status(HttpStatus.CREATED).body(p))
			.orElseGet(() -> ResponseEntity.ok(pauses.find(scope, name).orElseThrow()));
	}

	@Operation(summary = "Resume what a pause held; its outreach goes out within forewarn.brake.refresh")
	@DeleteMapping("/{scope}/{name}")
	ResponseEntity<Void> resume(@PathVariable String scope, @PathVariable String name,
			@RequestParam(required = false) String note, Principal user) {
		PauseScope parsed = scope(scope);
		if (note != null && note.length() > NOTE) {
			throw bad("note: longer than " + NOTE + " characters");
		}
		if (!pauses.resume(parsed, name, blankToNull(note), by(user))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no pause of " + parsed.key() + " '" + name + "'");
		}
		return ResponseEntity.noContent().build();
	}

	private static PauseScope scope(String value) {
		try {
			return PauseScope.parse(value);
		}
		catch (IllegalArgumentException e) {
			throw bad(e.getMessage());
		}
	}

	private static String text(Map<String, Object> body, String field, int max, boolean required) {
		Object value = body.get(field);
		if (value == null || (value instanceof String s && s.isBlank())) {
			if (required) {
				throw bad(field + ": required");
			}
			return null;
		}
		if (!(value instanceof String s)) {
			throw bad(field + ": must be a string");
		}
		if (s.length() > max) {
			throw bad(field + ": longer than " + max + " characters");
		}
		if (s.chars().anyMatch(Character::isISOControl)) {
			throw bad(field + ": contains control characters");
		}
		return s.strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String by(Principal user) {
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
		}
		return user.getName();
	}

	private static ResponseStatusException bad(String reason) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
	}
}
