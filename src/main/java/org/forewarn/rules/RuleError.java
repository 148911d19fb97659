package org.forewarn.rules;

/** One problem in a rule file, at a line when the compiler knows it. */
public record RuleError(String file, int line, String message) {

	@Override
	public String toString() {
		return file + ":" + (line > 0 ? line : "?") + ": " + message;
	}
}
