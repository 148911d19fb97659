package org.forewarn.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

/**
 * A compiled, validated rules folder. {@code version} is a hash of the files' names and content; {@code rules} the
 * rule names; {@code ruleIds} each rule's stable id with its name; {@code thresholds} the named values the rules read;
 * {@code warnings} are what the checks found worth a look that does not stop the rules from loading (overlapping
 * table rows...).
 */
public record RuleSet(KieBase kieBase, String version, Instant loadedAt, List<String> files, List<String> rules,
		Map<String, String> ruleIds, Thresholds thresholds, List<RuleError> warnings) {
}
