package org.forewarn.event;

/** An event that cannot be accepted; the message names the field and what is wrong with it. */
public class InvalidEventException extends RuntimeException {

	private final String field;

	public InvalidEventException(String field, String problem) {
		super(field + ": " + problem);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
