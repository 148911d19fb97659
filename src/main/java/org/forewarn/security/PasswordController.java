package org.forewarn.security;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passwords: {@code POST /api/me/password} lets a signed-in user change their own (the current one is asked again,
 * so a session left open is not enough); {@code POST /api/users/{name}/password} lets an admin set another user's.
 * New passwords follow {@link Passwords} (at least 12 characters) and are kept as BCrypt hashes.
 */
@RestController
class PasswordController {

	private final AccountStore accounts;

	PasswordController(AccountStore accounts) {
		this.accounts = accounts;
	}

	/** Body {@code {"current": "...", "new": "..."}}: 204, 400 for a new password too short or a wrong current one. */
	@PostMapping("/api/me/password")
	ResponseEntity<Map<String, Object>> change(@RequestBody Map<String, String> body) {
		String me = SignedIn.name();
		if (accounts.findUser(me).isEmpty()) {
			// a token, or a user signed in through single sign-on: their password is not Forewarn's
			return problem(HttpStatus.CONFLICT, "'" + me + "' has no Forewarn password to change");
		}
		String password = checkedNew(body);
		if (!accounts.passwordMatches(me, body.get("current"))) {
			return problem(HttpStatus.BAD_REQUEST, "current: not your current password");
		}
		accounts.setPassword(me, password, me);
		return ResponseEntity.noContent().build();
	}

	/** An admin sets another user's password: body {@code {"new": "..."}}; 404 for an unknown user. */
	@PostMapping("/api/users/{name}/password")
	ResponseEntity<Map<String, Object>> reset(@PathVariable String name, @RequestBody Map<String, String> body) {
		String password = checkedNew(body);
		return accounts.setPassword(name, password, SignedIn.name()) ? ResponseEntity.noContent().build()
				: problem(HttpStatus.NOT_FOUND, "no user '" + name + "'");
	}

	private static String checkedNew(Map<String, String> body) {
		try {
			return Passwords.checked(body.get("new"));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("new: " + e.getMessage().replaceFirst("^password: ", ""), e);
		}
	}

	private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("status", status.value(), "error",
				status.getReasonPhrase(), "message", message));
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
		return problem(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
