package org.forewarn.rules.reload;

import org.forewarn.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rules}: the running rule set and the last reload attempts; {@code POST /api/rules/reload}. */
@RestController
class RulesController {

	private final RuleReloader reloader;

	RulesController(RuleReloader reloader) {
		this.reloader = reloader;
	}

	@GetMapping("/api/rules")
	RulesStatus status() {
		return reloader.status();
	}

	/** 200 when the folder was loaded (or had not changed), 422 with every error when it was rejected. */
	@PostMapping("/api/rules/reload")
	ResponseEntity<ReloadAttempt> reload() {
		// who asked is the signed-in user; the attempt and the log name them
		ReloadAttempt attempt = reloader.reload("api by " + SignedIn.name());
		return ResponseEntity.status(attempt.outcome() == ReloadAttempt.Outcome.REJECTED
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(attempt);
	}
}
