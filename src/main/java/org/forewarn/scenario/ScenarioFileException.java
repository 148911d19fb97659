package org.forewarn.scenario;

/** A scenario file that cannot be read as one; the message starts with {@code file:line:}. */
class ScenarioFileException extends RuntimeException {

	ScenarioFileException(String message) {
		super(message);
	}
}
