package org.forewarn.rules;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.shared.Suggestions;

/**
 * Turns the compiler's messages into what a person can act on: the line of the actual mistake, the fact's fields and
 * a "did you mean" for a misspelt name, and one sentence on what to do. The compiler's own text follows in
 * {@code (Drools: ...)} for whoever wants it.
 */
final class ReadableErrors {

	private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(then|end)'");
	private static final Pattern UNKNOWN_FIELD = Pattern
		.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
	private static final Pattern UNKNOWN_METHOD = Pattern.compile("The method (\\w+)\\([^)]*\\) is undefined for the type (\\w+)");
	private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
	private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.]+)\\s+\\w+\\s*;");

	private ReadableErrors() {
	}

	/** The error explained, for a {@code .drl} file whose text is {@code drl}. */
	static RuleError explain(RuleError error, String drl) {
		String drools = error.message();
		String[] lines = drl.split("\\R", -1);
		Matcher m;
		if ((m = MISMATCHED.matcher(drools)).find() && error.line() > 0) {
			int open = unclosedParenthesis(lines, error.line());
			if (open > 0) {
				return new RuleError(error.file(), open, "a \"(\" opened on this line is not closed before \""
						+ m.group(1) + "\": add the missing \")\"" + behind(drools));
			}
		}
		if ((m = UNKNOWN_FIELD.matcher(drools)).find()) {
			Class<?> fact = load(m.group(1));
			if (fact != null) {
				String name = m.group(2);
				int line = lineOf(lines, error.line(), name);
				return new RuleError(error.file(), line > 0 ? line : error.line(), fact.getSimpleName()
						+ " has no field \"" + name + "\"" + Suggestions.didYouMean(name, fields(fact))
						+ "; its fields: " + String.join(", ", fields(fact)) + ". Correct the name" + behind(drools));
			}
		}
		if ((m = UNKNOWN_METHOD.matcher(drools)).find()) {
			Class<?> fact = declared(IMPORT, drl, m.group(2));
			// a global such as decide, or what its actions answer (.fallback on an outreach): methods, no fields
			Class<?> global = fact == null ? declared(GLOBAL, drl, m.group(2)) : null;
			if (fact == null && global == null) {
				global = load(ReadableErrors.class.getPackageName() + "." + m.group(2));
			}
			String name = m.group(1);
			int line = lineOf(lines, error.line(), name + "(");
			String fields = fact == null ? "" : "; its fields: " + String.join(", ", fields(fact))
					+ " (field x is read with getX(), or isX() when it is true or false)";
			List<String> methods = fact != null ? methods(fact) : global != null ? methods(global) : List.of();
			return new RuleError(error.file(), line > 0 ? line : error.line(), m.group(2) + " has no method "
					+ name + "()" + Suggestions.didYouMean(name, methods) + fields + ". Correct the name"
					+ behind(drools));
		}
		return error;
	}

	/** A decision-table error: which cell of the row the compiler's message is about, when one is named in it. */
	static String column(DecisionTables.Generated table, RuleError error) {
		List<List<String>> rows = table.rows();
		if (error.line() < 1 || error.line() > rows.size()) {
			return null;
		}
		for (String cell : rows.get(error.line() - 1)) {
			String value = cell == null ? "" : cell.strip();
			if (value.length() > 1 && Pattern.compile("\\b" + Pattern.quote(value) + "\\b").matcher(error.message())
				.find()) {
				return table.column(error.line(), value);
			}
		}
		return null;
	}

	private static String behind(String drools) {
		return " (Drools: " + drools + ")";
	}

	/** The line of the last "(" left open between the rule's {@code when} and {@code line}; 0 when none is. */
	private static int unclosedParenthesis(String[] lines, int line) {
		int start = line - 1;
		while (start > 0 && !lines[start - 1].strip().startsWith("rule ")) {
			start--;
		}
		Deque<Integer> open = new ArrayDeque<>();
		for (int i = Math.max(start, 1); i < line; i++) {
			String text = lines[i - 1].replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceFirst("//.*", "");
			for (char c : text.toCharArray()) {
				if (c == '(') {
					open.push(i);
				}
				else if (c == ')' && !open.isEmpty()) {
					open.pop();
				}
			}
		}
		return open.isEmpty() ? 0 : open.peek();
	}

	/** The first line from {@code from} (a rule's first line) to its {@code end} that mentions {@code text}. */
	private static int lineOf(String[] lines, int from, String text) {
		for (int i = Math.max(from, 1); i <= lines.length; i++) {
			if (lines[i - 1].contains(text)) {
				return i;
			}
			if (i > from && lines[i - 1].strip().equals("end")) {
				break;
			}
		}
		return 0;
	}

	/** The class an import or a global of the file names by {@code simpleName}. */
	private static Class<?> declared(Pattern declaration, String drl, String simpleName) {
		Matcher m = declaration.matcher(drl);
		while (m.find()) {
			if (m.group(1).endsWith("." + simpleName)) {
				return load(m.group(1));
			}
		}
		return null;
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, ReadableErrors.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError e) {
			return null;
		}
	}

	static List<String> fields(Class<?> fact) {
		try {
			return Arrays.stream(Introspector.getBeanInfo(fact, Object.class).getPropertyDescriptors())
				.map(PropertyDescriptor::getName)
				.sorted()
				.toList();
		}
		catch (IntrospectionException e) {
			return List.of();
		}
	}

	private static List<String> methods(Class<?> fact) {
		return List.copyOf(new TreeSet<>(Arrays.stream(fact.getMethods())
			.filter(method -> method.getDeclaringClass() != Object.class && Modifier.isPublic(method.getModifiers()))
			.map(Method::getName)
			.toList()));
	}
}
