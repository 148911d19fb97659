package org.forewarn.rules;

import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * A rule whose action throws (a bug such as {@code .after("12h")}) loses only its own decisions of this firing; the
 * other rules go on. Drools creates this handler itself, hence public with no arguments.
 */
public final class RuleFailureHandler implements ConsequenceExceptionHandler {

	@Override
	public void handleException(Match match, RuleRuntime runtime, Exception exception) {
		if (runtime instanceof KieRuntime kie && kie.getGlobal(RuleEngine.DECIDE) instanceof Decisions decisions) {
			decisions.ruleFailed(RuleIds.of(match.getRule()), exception);
			return;
		}
		throw new ConsequenceException(exception, runtime, match);
	}
}
