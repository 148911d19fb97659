package org.forewarn.brake;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.web.StrictBody;

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

	private static final Set<String> FIELDS = Set.of("scope", "name", "note");

	private final PauseDesk desk;

	PauseController(PauseDesk desk) {
		this.desk = desk;
	}

	@Operation(summary = "Pauses in force and the latest audit entries")
	@GetMapping
	PauseDesk.Listing list() {
		return desk.listing();
	}

	@Operation(summary = "Pause outreach of a rule, problem or channel; body {\"scope\", \"name\", \"note\"}")
	@ApiResponse(responseCode = "400", description = "Unknown scope or channel, missing name, a field not accepted")
	@PostMapping
	ResponseEntity<Pause> pause(@RequestBody Map<String, Object> body, Principal user) {
		StrictBody.onlyFields(body, FIELDS, "scope, name and note (who paused is the signed-in user)");
		PauseDesk.Paused paused = badRequests(() -> desk.pause(StrictBody.string(body, "scope"),
				StrictBody.string(body, "name"), StrictBody.string(body, "note"), by(user)));
		return ResponseEntity.status(paused.created() ? HttpStatus.CREATED : HttpStatus.OK).body(paused.pause());
	}

	@Operation(summary = "Resume what a pause held; its outreach goes out within forewarn.brake.refresh")
	@DeleteMapping("/{scope}/{name}")
	ResponseEntity<Void> resume(@PathVariable String scope, @PathVariable String name,
			@RequestParam(required = false) String note, Principal user) {
		if (!badRequests(() -> desk.resume(scope, name, note, by(user)))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no pause of " + scope + " '" + name + "'");
		}
		return ResponseEntity.noContent().build();
	}

	private static <T> T badRequests(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (IllegalArgumentException e) {
			throw bad(e.getMessage());
		}
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
