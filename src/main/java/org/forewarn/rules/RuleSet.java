package org.forewarn.rules;

import java.time.Instant;
import java.util.List;

import org.kie.api.KieBase;

/** A compiled, validated rules folder. {@code version} is a hash of the files' names and content. */
public record RuleSet(KieBase kieBase, String version, Instant loadedAt, List<String> files, List<String> rules) {
}
