package org.forewarn.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.RuleConditionElement;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.mvel2.CompileException;

/**
 * Which rule a condition that threw belongs to (a number compared with text, {@code total > "abc"}). Drools names it
 * in a {@code ConstraintEvaluationException}; a condition that fails while it is first compiled names only its
 * expression, which is then looked up among the rules' conditions.
 */
final class ConditionFailures {

	/** Where a condition of an unknown rule failed. */
	static final String UNKNOWN = "(a rule's condition)";
	private static final Pattern RULE_NAMED = Pattern.compile("Rule \"([^\"]+)\"");

	private ConditionFailures() {
	}

	/** The ids of the rules whose condition threw {@code error}, or {@link #UNKNOWN} alone when it cannot be told. */
	static List<String> rulesOf(RuntimeException error, KieBase kieBase) {
		List<String> rules = new ArrayList<>();
		for (Throwable cause = error; cause != null && rules.isEmpty(); cause = cause.getCause()) {
			Matcher named = RULE_NAMED.matcher(String.valueOf(cause.getMessage()));
			if (named.find()) {
				rulesNamed(named.group(1), kieBase).forEach(rules::add);
			}
			else if (cause instanceof CompileException compile && compile.getExpr() != null) {
				rulesWithCondition(new String(compile.getExpr()).strip(), kieBase).forEach(rules::add);
			}
		}
		return rules.isEmpty() ? List.of(UNKNOWN) : rules;
	}

	private static List<String> rulesNamed(String name, KieBase kieBase) {
		return allRules(kieBase).stream().filter(r -> r.getName().equals(name)).map(RuleIds::of).toList();
	}

	private static List<String> rulesWithCondition(String expression, KieBase kieBase) {
		return allRules(kieBase).stream()
			.filter(r -> r instanceof RuleImpl impl && hasCondition(impl, expression))
			.map(RuleIds::of)
			.toList();
	}

	private static boolean hasCondition(RuleImpl rule, String expression) {
		Deque<RuleConditionElement> open = new ArrayDeque<>(List.of(rule.getLhs()));
		while (!open.isEmpty()) {
			RuleConditionElement element = open.pop();
			if (element instanceof org.drools.base.rule.Pattern pattern && pattern.getConstraints().stream()
				.anyMatch(c -> c instanceof MVELConstraint mvel && expression.equals(mvel.getExpression().strip()))) {
				return true;
			}
			open.addAll(element.getNestedElements());
		}
		return false;
	}

	private static List<Rule> allRules(KieBase kieBase) {
		return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).toList();
	}
}
