package org.forewarn.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that does not compile; lists every error as {@code file:line: message}. */
public class RuleBuildException extends RuntimeException {

	private final List<RuleError> errors;
	private final List<RuleError> warnings;

	public RuleBuildException(String folder, List<RuleError> errors) {
		this(folder, errors, List.of());
	}

	/** With what the checks warn about besides, so that one look shows everything. */
	public RuleBuildException(String folder, List<RuleError> errors, List<RuleError> warnings) {
		super("rules in " + folder + " do not compile:\n"
				+ errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
		this.warnings = List.copyOf(warnings);
	}

	public List<RuleError> warnings() {
		return warnings;
	}

	public List<RuleError> errors() {
		return errors;
	}
}
