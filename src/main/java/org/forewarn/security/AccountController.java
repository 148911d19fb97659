package org.forewarn.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Users and API tokens for the {@code admin} role: {@code /api/users} (name, password, roles) and {@code /api/tokens}
 * (name, roles; the token is in the answer once and never again). The same as the {@code user} and {@code token}
 * commands. Every change is recorded with the signed-in admin ({@code GET /api/users/changes}).
 */
@RestController
@Tag(name = "Accounts", description = "Users and API tokens (role admin)")
class AccountController {

	private final AccountStore accounts;

	AccountController(AccountStore accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "Users and their roles")
	@GetMapping("/api/users")
	List<Named> users() {
		return accounts.users().stream().map(Named::of).toList();
	}

	@Operation(summary = "Add a user: {\"name\": \"lea\", \"password\": \"...\", \"roles\": [\"support\"]}")
	@PostMapping("/api/users")
	ResponseEntity<Named> addUser(@RequestBody NewUser user) {
		Set<Role> roles = refusedField(() -> {
			Set<Role> parsed = Role.parse(user.roles() == null ? null : String.join(",", user.roles()));
			accounts.addUser(user.name(), Passwords.checked(Passwords.text(user.password())), parsed, SignedIn.name());
			return parsed;
		});
		return ResponseEntity.status(HttpStatus.CREATED).body(new Named(user.name(), Role.join(roles).split(",")));
	}

	@Operation(summary = "Remove a user; 409 for the last user with the role admin")
	@DeleteMapping("/api/users/{name}")
	ResponseEntity<Void> removeUser(@PathVariable String name) {
		try {
			if (!accounts.removeUser(name, SignedIn.name())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no user '" + name + "'");
			}
		}
		catch (IllegalStateException lastAdmin) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, lastAdmin.getMessage());
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Changes to users and tokens, newest first, with who made each")
	@GetMapping("/api/users/changes")
	List<AccountChange> changes(@Parameter(description = "most changes answered, 1-" + AccountStore.MAX_CHANGES)
			@RequestParam(defaultValue = "200") int limit) {
		if (limit < 1 || limit > AccountStore.MAX_CHANGES) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit: " + limit + " is not between 1 and "
					+ AccountStore.MAX_CHANGES);
		}
		return accounts.changes(limit);
	}

	@Operation(summary = "API tokens (names and roles; never the token)")
	@GetMapping("/api/tokens")
	List<Named> tokens() {
		return accounts.tokens().stream().map(Named::of).toList();
	}

	@Operation(summary = "Create a token: {\"name\": \"shop\", \"roles\": [\"intake\"]}; the answer shows it once")
	@PostMapping("/api/tokens")
	ResponseEntity<Map<String, Object>> createToken(@RequestBody NewToken token) {
		Set<Role> roles = refusedField(
				() -> Role.parse(token.roles() == null ? null : String.join(",", token.roles())));
		String value = refusedField(() -> accounts.createToken(token.name(), roles, SignedIn.name()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", token.name(), "roles",
				Role.join(roles).split(","), "token", value));
	}

	@Operation(summary = "Revoke a token")
	@DeleteMapping("/api/tokens/{name}")
	ResponseEntity<Void> revokeToken(@PathVariable String name) {
		if (!accounts.revokeToken(name, SignedIn.name())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no token '" + name + "'");
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A refused name, password or role list. Its own type, so that a request parameter that cannot be read (whose
	 * cause is an IllegalArgumentException too) is left to the shared handler, which names the parameter.
	 */
	private static final class RefusedField extends RuntimeException {

		RefusedField(IllegalArgumentException cause) {
			super(cause.getMessage(), cause);
		}
	}

	private static <T> T refusedField(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (IllegalArgumentException e) {
			throw new RefusedField(e);
		}
	}

	/** A refused name, password or role list, as a problem naming the body field. */
	@ExceptionHandler(RefusedField.class)
	ProblemDetail invalid(RefusedField e) {
		String message = e.getMessage().replaceFirst("^--roles:", "roles:");
		String field = message.startsWith("roles:") ? "roles" : message.startsWith("password:") ? "password" : "name";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setTitle("Invalid field");
		problem.setProperty("field", field);
		return problem;
	}

	/** The password as sent, so that a number is refused rather than taken as its digits. */
	record NewUser(String name, @Schema(type = "string") Object password, List<String> roles) {
	}

	record NewToken(String name, List<String> roles) {
	}

	/** A user or token as listed: never its password or token hash. */
	record Named(String name, String[] roles) {

		static Named of(Account account) {
			return new Named(account.name(), Role.join(account.roles()).split(","));
		}
	}
}
