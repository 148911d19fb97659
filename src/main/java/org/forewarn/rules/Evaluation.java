package org.forewarn.rules;

/** What one evaluation of the rules decided, and under which rule set version. */
public record Evaluation(String ruleVersion, Trigger trigger, Decisions decisions) {
}
