package org.forewarn.followup;

import java.util.Map;

import org.forewarn.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who did something is the signed-in user (from the security context), never what a request body claims: a body
 * naming {@code by} is refused with 400.
 */
final class Signer {

	private Signer() {
	}

	static String name(Map<String, ?> body) {
		if (body != null && body.containsKey("by")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by: not accepted; the signed-in user is "
					+ "recorded as who did it. Send only {\"note\": \"...\"}");
		}
		try {
			return SignedIn.name();
		}
		catch (IllegalStateException e) {
			// the API's security rules let no anonymous request get here
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
		}
	}
}
