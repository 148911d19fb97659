package org.forewarn.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code decide.*} calls in a rule's action, read from its text: each call's arguments and the calls chained on
 * it ({@code .after("PT4H")}). An argument is known when it is a string literal, or a local
 * {@code String name = "...";} the action sets (as decision tables do); anything else is only known at run time.
 */
final class DecideCalls {

	private static final Pattern DECIDE = Pattern.compile(
			"\\bdecide\\s*\\.\\s*(outreach|problem|cancel|wakeAtWhileAsked|wakeAt)\\s*\\(");
	private static final Pattern CHAINED = Pattern.compile("\\G\\s*\\.\\s*(\\w+)\\s*\\(");
	private static final Pattern LOCAL = Pattern.compile("\\bString\\s+(\\w+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*;");
	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** One call: its method, its arguments as written, and where it starts in the action. */
	record Call(String method, List<String> args, int offset, List<Call> chained) {

		/** The argument's text when it is known before run time, else null. */
		String known(int index, String action) {
			if (index >= args.size()) {
				return null;
			}
			String arg = args.get(index).strip();
			Matcher literal = LITERAL.matcher(arg);
			if (literal.matches()) {
				return literal.group(1);
			}
			if (arg.matches("\\w+")) {
				Matcher local = LOCAL.matcher(action);
				while (local.find()) {
					if (local.group(1).equals(arg)) {
						Matcher value = LITERAL.matcher(local.group(2));
						return value.matches() ? value.group(1) : null;
					}
				}
			}
			return null;
		}
	}

	private DecideCalls() {
	}

	static List<Call> in(String action) {
		List<Call> calls = new ArrayList<>();
		Matcher decide = DECIDE.matcher(action);
		int from = 0;
		while (from < action.length() && decide.find(from)) {
			List<String> args = new ArrayList<>();
			int end = arguments(action, decide.end(), args);
			List<Call> chained = new ArrayList<>();
			Matcher next = CHAINED.matcher(action);
			while (end > 0 && next.find(end)) {
				List<String> chainedArgs = new ArrayList<>();
				int start = next.start(1);
				end = arguments(action, next.end(), chainedArgs);
				chained.add(new Call(next.group(1), chainedArgs, start, List.of()));
			}
			calls.add(new Call(decide.group(1), args, decide.start(), chained));
			from = Math.max(end, decide.end());
		}
		return calls;
	}

	/** Splits the arguments at top-level commas up to the closing parenthesis; returns the index after it. */
	private static int arguments(String text, int start, List<String> args) {
		int depth = 0;
		StringBuilder current = new StringBuilder();
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				int close = i + 1;
				while (close < text.length() && text.charAt(close) != '"') {
					close += text.charAt(close) == '\\' ? 2 : 1;
				}
				current.append(text, i, Math.min(close + 1, text.length()));
				i = close;
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && depth-- == 0) {
				if (!current.isEmpty() || !args.isEmpty()) {
					args.add(current.toString().strip());
				}
				return i + 1;
			}
			else if (c == ',' && depth == 0) {
				args.add(current.toString().strip());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		return -1;
	}
}
