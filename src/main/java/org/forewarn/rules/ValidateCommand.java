package org.forewarn.rules;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code validate [DIR]}: compiles a rules folder (default {@code rules}) exactly as the engine would, checks it
 * against the channels, templates and settings, and prints every error as {@code file:line: message} and every
 * warning as {@code file:line: warning: message}. Exit code 0 when it would load (warnings or not), 1 when it would be
 * rejected, 2 for a wrong call.
 */
public final class ValidateCommand {

	static final String USAGE = "usage: validate [RULES_DIR]   (default: rules)";

	private ValidateCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err, RuleContext context) {
		if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
			err.println(USAGE);
			return 2;
		}
		String given = args.length == 1 ? args[0] : "rules";
		RuleSet rules = check(given, context, err);
		if (rules == null) {
			return 1;
		}
		print(given, rules.warnings(), "warning: ", err);
		out.printf("%s: OK, %d rules in %d files, version %s%s%n", given, rules.rules().size(),
				rules.files().size(), rules.version(), rules.warnings().isEmpty() ? ""
						: ", " + count(rules.warnings().size(), "warning"));
		return 0;
	}

	/**
	 * Loads the folder as a reload would; when that would reject it, prints what {@link #run} prints and returns
	 * null. Other commands that run a folder's rules refuse it the same way, in the same words.
	 */
	public static RuleSet check(String given, RuleContext context, PrintStream err) {
		try {
			return new RuleSetLoader(Clock.systemUTC(), context).load(Path.of(given));
		}
		catch (RuleBuildException e) {
			print(given, e.errors(), "", err);
			print(given, e.warnings(), "warning: ", err);
			err.printf("%s: %s, the folder would be rejected%n", given, count(e.errors().size(), "error"));
			return null;
		}
	}

	private static void print(String folder, List<RuleError> found, String kind, PrintStream err) {
		for (RuleError error : found) {
			err.println(located(folder, new RuleError(error.file(), error.line(), kind + error.message())));
		}
	}

	private static String count(int n, String what) {
		return n + " " + what + (n == 1 ? "" : "s");
	}

	/**
	 * The error with its file as the user would open it, relative to where the command runs: rule files are named
	 * relative to the folder, a settings file as it was found.
	 */
	private static String located(String folder, RuleError error) {
		boolean inFolder = !error.file().equals(folder) && !Path.of(error.file()).isAbsolute()
				&& Files.exists(Path.of(folder, error.file()), LinkOption.NOFOLLOW_LINKS); // a link to nothing too
		String file = inFolder ? folder.replaceAll("/+$", "") + "/" + error.file() : error.file();
		return new RuleError(file, error.line(), error.message()).toString();
	}
}
