package org.forewarn.followup;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * How long a note on a person's step may be. The note goes into the record's status reason ("resolved by lea: ..."),
 * a column of 1000 characters that also holds who did it and, for a resend, two outreach ids: a longer note would be
 * cut, so it is refused (a 400 through the API, an error in the console) and the console's note inputs stop there.
 */
public final class Notes {

	/** 1000, less the longest words around a note: "sent again by NAME (100) (resend of ID (64)): ". */
	public static final int MAX = 800;

	private Notes() {
	}

	/** The note as given; a 400 naming {@code note} when it is longer than {@link #MAX}. */
	static String checked(String note) {
		if (note != null && note.length() > MAX) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "note: longer than " + MAX + " characters");
		}
		return note;
	}
}
