package org.forewarn.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One problem in a rule file, at a line when the compiler knows it (0 when it does not). */
public record RuleError(String file, int line, String message) {

	@Override
	public String toString() {
		return file + ":" + (line > 0 ? line : "?") + ": " + message;
	}

	/**
	 * The compiler's message on one line: MVEL's multi-line reports repeat the expression with a caret and the
	 * position, which the {@code file:line} prefix already says.
	 */
	static String compact(String message) {
		return Arrays.stream(message.split("\\R"))
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.equals("^") && !l.startsWith("[Near") && !l.matches("\\[Line: .*\\]"))
			.collect(Collectors.joining(" "));
	}
}
