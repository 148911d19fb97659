package org.forewarn.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that does not compile; lists every error as {@code file:line: message}. */
public class RuleBuildException extends RuntimeException {

	private final List<RuleError> errors;

	public RuleBuildException(String folder, List<RuleError> errors) {
		super("rules in " + folder + " do not compile:\n"
				+ errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	public List<RuleError> errors() {
		return errors;
	}
}
