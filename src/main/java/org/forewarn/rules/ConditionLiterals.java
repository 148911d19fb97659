package org.forewarn.rules;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A number compared with text in a condition ({@code Order( total > "abc" )}) compiles, and throws only when a fact is
 * first matched against it: found here from the rule as written, the field's type looked up on the fact's class.
 * Only a field compared directly with a string literal is looked at; anything computed is left to run time.
 */
final class ConditionLiterals {

	private static final Pattern COMPARED_WITH_TEXT = Pattern
		.compile("^\\s*([A-Za-z_][\\w]*)\\s*(?:==|!=|<=|>=|<|>)\\s*\"([^\"]*)\"\\s*$");
	private static final Pattern JOINED = Pattern.compile("&&|\\|\\|");

	private ConditionLiterals() {
	}

	/** Errors, at the condition's line, for each number field compared with text that is not a number. */
	static List<RuleError> in(RuleChecks.Source source, PackageDescr pkg) {
		List<RuleError> errors = new ArrayList<>();
		for (RuleDescr rule : pkg.getRules()) {
			patterns(rule.getLhs(), new ArrayList<>()).forEach(pattern -> {
				Class<?> type = factClass(pattern.getObjectType(), pkg);
				if (type != null && pattern.getConstraint() != null) {
					for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
						if (constraint instanceof ExprConstraintDescr expr) {
							check(source, type, expr, errors);
						}
					}
				}
			});
		}
		return errors;
	}

	private static void check(RuleChecks.Source source, Class<?> type, ExprConstraintDescr expr,
			List<RuleError> errors) {
		for (String part : JOINED.split(expr.getExpression())) {
			Matcher compared = COMPARED_WITH_TEXT.matcher(part);
			if (!compared.matches()) {
				continue;
			}
			Class<?> field = fieldType(type, compared.group(1));
			String text = compared.group(2);
			if (field != null && isNumber(field) && !isNumber(text)) {
				String message = type.getSimpleName() + "." + compared.group(1) + " is a number ("
						+ field.getSimpleName() + "): compare it with a number, not the text \"" + text
						+ "\"; every event this rule looks at would fail it";
				errors.add(at(source, expr.getLine(), text, message));
			}
		}
	}

	private static RuleError at(RuleChecks.Source source, int line, String value, String message) {
		if (source.table() == null) {
			return new RuleError(source.file(), line, message);
		}
		RuleError row = source.table().locate(line, message);
		String column = source.table().column(row.line(), value);
		return new RuleError(row.file(), row.line(), column == null ? message : column + ": " + message);
	}

	private static List<PatternDescr> patterns(BaseDescr descr, List<PatternDescr> found) {
		if (descr instanceof PatternDescr pattern) {
			found.add(pattern);
			if (pattern.getSource() != null) {
				patterns(pattern.getSource(), found);
			}
		}
		else if (descr instanceof ConditionalElementDescr element) {
			element.getDescrs().forEach(d -> patterns(d, found));
		}
		return found;
	}

	/** The class a pattern matches, by its imports; null when it cannot be told (left to the compiler). */
	private static Class<?> factClass(String name, PackageDescr pkg) {
		if (name == null) {
			return null;
		}
		List<String> candidates = new ArrayList<>(List.of(name));
		for (ImportDescr imported : pkg.getImports()) {
			String target = imported.getTarget();
			if (target.endsWith("." + name)) {
				candidates.add(0, target);
			}
			else if (target.endsWith(".*")) {
				candidates.add(target.substring(0, target.length() - 1) + name);
			}
		}
		for (String candidate : candidates) {
			try {
				return Class.forName(candidate, false, ConditionLiterals.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError e) {
				// not this one
			}
		}
		return null;
	}

	private static Class<?> fieldType(Class<?> type, String field) {
		try {
			for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
				if (property.getName().equals(field) && property.getReadMethod() != null) {
					return property.getPropertyType();
				}
			}
		}
		catch (IntrospectionException e) {
			return null;
		}
		return null;
	}

	private static boolean isNumber(Class<?> type) {
		return type.isPrimitive() ? type != boolean.class && type != char.class && type != void.class
				: Number.class.isAssignableFrom(type);
	}

	private static boolean isNumber(String text) {
		try {
			new BigDecimal(text.strip());
			return true;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}
}
