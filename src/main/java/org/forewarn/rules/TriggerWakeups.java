package org.forewarn.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A wakeup asked for with {@code decide.wakeAtWhileAsked} is withdrawn when an evaluation of the customer no longer
 * asks for it. A rule that matches on what its trigger is (its type, order, id or data) does not match the customer's
 * next event, so that event withdraws the wakeup: such a rule wants {@code decide.wakeAt}, which always fires. What
 * a rule reads of its trigger's time ({@code $t.hoursSince(...)}) is no such match.
 */
final class TriggerWakeups {

	private static final String WHAT = "(type|orderId|eventId|data|getType|getOrderId|getEventId|getData)\\b";

	private TriggerWakeups() {
	}

	/** Whether the rule matches only on some triggers: a constraint on a Trigger, or one reading what it is. */
	static boolean matchOnTrigger(RuleDescr rule) {
		List<PatternDescr> patterns = new ArrayList<>();
		collect(rule.getLhs(), patterns);
		List<String> bindings = new ArrayList<>();
		for (PatternDescr pattern : patterns) {
			if (isTrigger(pattern)) {
				if (!constraints(pattern).isEmpty()) {
					return true;
				}
				if (pattern.getIdentifier() != null) {
					bindings.add(Pattern.quote(pattern.getIdentifier()));
				}
			}
		}
		if (bindings.isEmpty()) {
			return false;
		}
		Pattern reads = Pattern.compile("(" + String.join("|", bindings) + ")\\s*\\.\\s*" + WHAT);
		return patterns.stream().flatMap(p -> constraints(p).stream()).anyMatch(c -> reads.matcher(c).find());
	}

	private static boolean isTrigger(PatternDescr pattern) {
		String type = pattern.getObjectType();
		return type != null && (type.equals("Trigger") || type.endsWith(".Trigger"));
	}

	private static List<String> constraints(PatternDescr pattern) {
		List<String> texts = new ArrayList<>();
		if (pattern.getConstraint() != null) {
			for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
				if (constraint instanceof ExprConstraintDescr expression) {
					texts.add(expression.getExpression());
				}
			}
		}
		return texts;
	}

	private static void collect(BaseDescr descr, List<PatternDescr> patterns) {
		if (descr instanceof PatternDescr pattern) {
			patterns.add(pattern);
		}
		else if (descr instanceof ConditionalElementDescr element) {
			element.getDescrs().forEach(child -> collect(child, patterns));
		}
	}
}
