package org.forewarn.rules.reload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.forewarn.rules.RuleError;
import org.forewarn.rules.RuleFailures;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code GET /api/rules} shows: the running rule set (rule names, each rule's id with its name, the named
 * thresholds of thresholds.properties), what its checks warn about, the rules whose actions threw (most failures
 * first) and the last reload attempts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesStatus(String folder, String version, Instant loadedAt, boolean watching, List<String> files,
		List<String> rules, Map<String, String> ruleIds, Map<String, String> thresholds, List<RuleError> warnings, List<RuleFailures.Failure> failures, ReloadAttempt lastAttempt,
		ReloadAttempt lastRejected) {
}
