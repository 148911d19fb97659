package org.forewarn.rules;

import java.time.Instant;
import java.util.List;

import org.kie.api.KieBase;

/**
 * A compiled, validated rules folder. {@code version} is a hash of the files' names and content; {@code warnings} are
 * what the checks found worth a look that does not stop the rules from loading (overlapping table rows...).
 */
public record RuleSet(KieBase kieBase, String version, Instant loadedAt, List<String> files, List<String> rules,
		List<RuleError> warnings) {
}
