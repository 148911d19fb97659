package org.forewarn.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A rule name used twice in one package (a rule file copied into a subfolder), named at both places. The compiler
 * names one place only, and adds the clash of the classes it generates for the rule, which says nothing more.
 */
final class RuleNames {

	private static final String DUPLICATE = "Duplicate rule name: ";
	private static final Pattern CLASS_CLASH = Pattern
		.compile("The type Rule_(\\S+?)\\d* is already defined");

	private final List<RuleError> errors = new ArrayList<>();
	private final Set<String> twice = new TreeSet<>();

	private RuleNames() {
	}

	/** Reads the rule names of {@code sources}, in their order; a file that does not parse is the compiler's. */
	static RuleNames of(List<RuleChecks.Source> sources) {
		RuleNames names = new RuleNames();
		Map<String, RuleError> first = new LinkedHashMap<>();
		for (RuleChecks.Source source : sources) {
			PackageDescr pkg = source.parsed();
			if (pkg == null) {
				continue;
			}
			for (RuleDescr rule : pkg.getRules()) {
				RuleError at = IdentityChecks.ruleAt(source, rule, null, "");
				RuleError earlier = first.putIfAbsent(pkg.getNamespace() + "\n" + rule.getName(), at);
				if (earlier != null) {
					names.twice.add(rule.getName());
					names.errors.add(new RuleError(at.file(), at.line(), "rule \"" + rule.getName() + "\" is already "
							+ "used at " + earlier.file() + ":" + earlier.line() + "; every rule needs its own name in "
							+ "its package (Drools: " + DUPLICATE + rule.getName() + ")"));
				}
			}
		}
		return names;
	}

	/** Each name used a second time, at that place, with where it was used first. */
	List<RuleError> errors() {
		return errors;
	}

	/** Whether the compiler's message (compacted) only repeats that a name found here is used twice. */
	boolean repeats(String message) {
		if (message.startsWith(DUPLICATE)) {
			return twice.contains(message.substring(DUPLICATE.length()));
		}
		Matcher clash = CLASS_CLASH.matcher(message);
		return clash.find() && twice.stream().anyMatch(name -> clash.group(1).equals(className(name)));
	}

	/** The rule's name as the compiler writes it into its class name: {@code a: b} as {@code a$u58$_b}. */
	private static String className(String name) {
		StringBuilder text = new StringBuilder();
		name.chars().forEach(c -> text.append(c == ' ' ? "_" : Character.isLetterOrDigit(c) || c == '_'
				? String.valueOf((char) c) : "$u" + c + "$"));
		return text.toString();
	}
}
