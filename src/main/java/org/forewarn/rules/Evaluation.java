package org.forewarn.rules;

import java.util.Set;

/**
 * What one evaluation of the rules decided, and under which rule set version; {@code ruleIds}: the ids of that rule
 * set's rules, or null when not known (an evaluation made up without a rule set).
 */
public record Evaluation(String ruleVersion, Trigger trigger, Decisions decisions, Set<String> ruleIds) {

	public Evaluation(String ruleVersion, Trigger trigger, Decisions decisions) {
		this(ruleVersion, trigger, decisions, null);
	}

	/** Whether the rule set evaluated has a rule with this id; a rule set not known is taken to have it. */
	public boolean hasRule(String ruleId) {
		return ruleIds == null || ruleIds.contains(ruleId);
	}
}
