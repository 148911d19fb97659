package org.forewarn.rules.reload;

import java.nio.file.Path;

import org.forewarn.rules.RuleBuildException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start (of the service, a replay or the scenario tests) refused because the rules do not compile: their errors,
 * each as {@code file:line: message}, and what to do, instead of a stack trace that repeats them at every level.
 */
class RulesFailureAnalyzer extends AbstractFailureAnalyzer<RuleBuildException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RuleBuildException cause) {
		String action = cause.folderMissing()
				? "Start Forewarn from the folder that holds rules/ and config/ (this one is "
						+ Path.of("").toAbsolutePath() + "), or set forewarn.rules to the rules folder."
				: "Correct the rules named above and start again. "
						+ "'java -jar forewarn.jar validate RULES_DIR' checks a folder without starting anything.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}
}
