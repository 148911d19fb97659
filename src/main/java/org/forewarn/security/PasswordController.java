package org.forewarn.security;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Passwords: {@code POST /api/me/password} lets a signed-in user change their own (the current one is asked again,
 * so a session left open is not enough); {@code POST /api/users/{name}/password} lets an admin set another user's.
 * New passwords follow {@link Passwords} (at least 12 characters) and are kept as BCrypt hashes.
 */
@RestController
@Tag(name = "Accounts", description = "Users and API tokens (role admin)")
class PasswordController {

	private final AccountStore accounts;

	PasswordController(AccountStore accounts) {
		this.accounts = accounts;
	}

	/** Body {@code {"current": "...", "new": "..."}}: 204, 400 for a new password too short or a wrong current one. */
	@Operation(summary = "Change your own password: {\"current\", \"new\"} (at least 12 characters)")
	@ApiResponse(responseCode = "409", description = "A token or a single sign-on user: no Forewarn password")
	@PostMapping("/api/me/password")
	ResponseEntity<Void> change(@RequestBody Map<String, Object> body) {
		String me = SignedIn.name();
		if (accounts.findUser(me).isEmpty()) {
			// a token, or a user signed in through single sign-on: their password is not Forewarn's
			throw new ResponseStatusException(HttpStatus.CONFLICT, "'" + me + "' has no Forewarn password to change");
		}
		String password = checkedNew(body);
		Object current = body.get("current");
		if (!(current instanceof String) || !accounts.passwordMatches(me, (String) current)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "current: not your current password");
		}
		accounts.setPassword(me, password, me);
		return ResponseEntity.noContent().build();
	}

	/** An admin sets another user's password: body {@code {"new": "..."}}; 404 for an unknown user. */
	@Operation(summary = "Set another user's password: {\"new\"}")
	@PostMapping("/api/users/{name}/password")
	ResponseEntity<Void> reset(@PathVariable String name, @RequestBody Map<String, Object> body) {
		String password = checkedNew(body);
		if (!accounts.setPassword(name, password, SignedIn.name())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no user '" + name + "'");
		}
		return ResponseEntity.noContent().build();
	}

	private static String checkedNew(Map<String, Object> body) {
		try {
			return Passwords.checked(Passwords.text(body.get("new")));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"new: " + e.getMessage().replaceFirst("^password: ", ""), e);
		}
	}
}
