package org.forewarn.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer for one submitted event: accepted, duplicate, or rejected with a reason naming the field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(Integer index, String id, Status status, String reason) {

	public enum Status {
		ACCEPTED, DUPLICATE, REJECTED, FAILED
	}

	IntakeResult at(int position) {
		return new IntakeResult(position, id, status, reason);
	}
}
