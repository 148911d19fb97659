package org.forewarn.rules.reload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rules}: the running rule set and the last reload attempts; {@code POST /api/rules/reload}. */
@RestController
@Tag(name = "Rules", description = "The running rules (role rules)")
class RulesController {

	private final RuleReloader reloader;

	RulesController(RuleReloader reloader) {
		this.reloader = reloader;
	}

	@Operation(summary = "Running version, files, rules and per-rule failures")
	@GetMapping("/api/rules")
	RulesStatus status() {
		return reloader.status();
	}

	/** 200 when the folder was loaded (or had not changed), 422 with every error when it was rejected. */
	@Operation(summary = "Reload the rules folder; a broken change is rejected with file and line, the running "
			+ "rules stay")
	@ApiResponse(responseCode = "422", description = "The rules do not compile; the errors name file and line")
	@PostMapping("/api/rules/reload")
	ResponseEntity<ReloadAttempt> reload() {
		// who asked is the signed-in user; the attempt and the log name them
		ReloadAttempt attempt = reloader.reload("api by " + SignedIn.name());
		return ResponseEntity.status(attempt.outcome() == ReloadAttempt.Outcome.REJECTED
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(attempt);
	}
}
