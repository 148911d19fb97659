package org.forewarn.web;

import java.util.Collection;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An API body read as a map, strictly: a field it does not take (a misspelt one) or a value that is not text is a 400
 * naming the field, never a value silently lost or a number taken for its digits.
 */
public final class StrictBody {

	private StrictBody() {
	}

	/** Refuses a field not among {@code fields}; {@code expected} says what to send instead. */
	public static void onlyFields(Map<String, Object> body, Collection<String> fields, String expected) {
		for (String field : body.keySet()) {
			if (!fields.contains(field)) {
				throw bad(field + ": not accepted; send " + expected);
			}
		}
	}

	/** The field's text, or null when absent; anything but text is refused. */
	public static String string(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value != null && !(value instanceof String)) {
			throw bad(field + ": must be a string");
		}
		return (String) value;
	}

	private static ResponseStatusException bad(String reason) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
	}
}
