package org.forewarn.followup;

import java.util.Map;
import java.util.Set;

import org.forewarn.web.StrictBody;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's step's body ({@code {"note": "..."}}, or none) read as strictly as the pauses' body: a field it does
 * not take ({@code "notes"}) or a note that is not text is a 400 naming the field, never a note silently lost or a
 * number recorded as one. {@code by} is refused first by {@link Signer}, with its own reason.
 */
final class NoteBody {

	static final Set<String> NOTE_ONLY = Set.of("note");

	private NoteBody() {
	}

	/** The note, or null; {@code fields} are those the body may hold, {@code expected} how to say so. */
	static String note(Map<String, Object> body, Set<String> fields, String expected) {
		if (body == null) {
			return null;
		}
		StrictBody.onlyFields(body, fields, expected);
		Object note = body.get("note");
		if (note != null && !(note instanceof String)) {
			throw bad("note: must be text");
		}
		return (String) note;
	}

	static String note(Map<String, Object> body) {
		return note(body, NOTE_ONLY, "only {\"note\": \"...\"}");
	}

	private static ResponseStatusException bad(String reason) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
	}
}
