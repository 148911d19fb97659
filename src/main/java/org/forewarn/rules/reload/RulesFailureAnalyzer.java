package org.forewarn.rules.reload;

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
		return new FailureAnalysis(cause.getMessage(), "Correct the rules named above and start again. "
				+ "'java -jar forewarn.jar validate RULES_DIR' checks a folder without starting anything.", cause);
	}
}
