package org.forewarn.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that does not compile; lists every error as {@code file:line: message}. */
public class RuleBuildException extends RuntimeException {

	static final String NO_FOLDER = "rules folder does not exist";

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

	/** Whether there was no folder at all: usually started from another working directory, not a broken rule. */
	public boolean folderMissing() {
		return errors.size() == 1 && errors.get(0).message().equals(NO_FOLDER);
	}
}
