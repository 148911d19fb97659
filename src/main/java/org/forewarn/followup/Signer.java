package org.forewarn.followup;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Who did something is the signed-in user, never what a request body claims. */
final class Signer {

	private Signer() {
	}

	static String name(Principal user, Map<String, String> body) {
		if (body != null && body.containsKey("by")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by: not accepted; the signed-in user is "
					+ "recorded as who did it. Send only {\"note\": \"...\"}");
		}
		if (user == null) {
			// the API's security rules let no anonymous request get here
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
		}
		return user.getName();
	}
}
