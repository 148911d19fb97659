package org.forewarn.rules;

import java.util.regex.Pattern;

/**
 * A {@code .drl} file that defines nothing (empty, blank, only comments, or a package with imports and globals) is
 * almost never meant: an editor that truncates before it writes, a copy still running, a save cut short. Loaded, it
 * would withdraw every rule it held, and with them the deadline checks they asked for and the outreach still
 * waiting, so it is refused like a compile error; deleting the file is how its rules are removed. A package line and
 * nothing else is written on purpose: a folder without rules (a backtest's baseline) holds one.
 */
final class EmptyRuleFiles {

	static final String MESSAGE = "defines no rule, query, function or declare (the file is empty, or holds only"
			+ " comments, or a package line with imports or globals): loading it would withdraw every rule it held. If it was"
			+ " cut short while saving or copying, save or copy it again; to remove its rules, delete the file";

	/** Comments and text literals, where a keyword is not one. */
	private static final Pattern NOT_CODE = Pattern.compile(
			"//[^\\n]*|#[^\\n]*|/\\*.*?(\\*/|$)|\"(\\\\.|[^\"\\\\])*\"?|'(\\\\.|[^'\\\\])*'?", Pattern.DOTALL);
	/** {@code import function} names a function defined elsewhere, it defines none. */
	private static final Pattern IMPORTED = Pattern.compile("\\bimport\\s+(function|static)\\b");
	private static final Pattern DEFINITION = Pattern.compile("(?<![\\w.$])(rule|query|function|declare)(?![\\w.$])");
	private static final Pattern PACKAGE_ALONE = Pattern.compile("\\s*package\\s+[\\w.$]+\\s*;?\\s*");

	private EmptyRuleFiles() {
	}

	static boolean definesNothing(String drl) {
		String code = IMPORTED.matcher(NOT_CODE.matcher(drl).replaceAll(" ")).replaceAll(" ");
		return !DEFINITION.matcher(code).find() && !PACKAGE_ALONE.matcher(code).matches();
	}
}
