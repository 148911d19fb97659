package org.forewarn.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;

/**
 * A compiled, validated rules folder. {@code version} is a hash of the files' names and content; {@code rules} the
 * rule names; {@code ruleIds} each rule's stable id with its name; {@code thresholds} the named values the rules read;
 * {@code warnings} are what the checks found worth a look that does not stop the rules from loading (overlapping
 * table rows...). {@code problems} are the problem codes the rules decide by a literal name, read from their text;
 * {@code everyProblemKnown} is false when some rule computes its problem at run time, so others may exist.
 */
public record RuleSet(KieBase kieBase, String version, Instant loadedAt, List<String> files, List<String> rules,
		Map<String, String> ruleIds, Thresholds thresholds, List<RuleError> warnings, Set<String> problems,
		boolean everyProblemKnown) {
}
