package org.forewarn.rules;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code validate [DIR]}: compiles a rules folder (default {@code rules}) exactly as the engine would and prints every
 * error as {@code file:line: message}. Exit code 0 when it compiles, 1 when it does not, 2 for a wrong call.
 */
public final class ValidateCommand {

	static final String USAGE = "usage: validate [RULES_DIR]   (default: rules)";

	private ValidateCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
			err.println(USAGE);
			return 2;
		}
		String given = args.length == 1 ? args[0] : "rules";
		Path folder = Path.of(given);
		try {
			RuleSet rules = new RuleSetLoader(Clock.systemUTC()).load(folder);
			out.printf("%s: OK, %d rules in %d files, version %s%n", given, rules.rules().size(),
					rules.files().size(), rules.version());
			return 0;
		}
		catch (RuleBuildException e) {
			for (RuleError error : e.errors()) {
				err.println(located(given, error));
			}
			err.printf("%s: %d error%s, the folder would be rejected%n", given, e.errors().size(),
					e.errors().size() == 1 ? "" : "s");
			return 1;
		}
	}

	/** The error with its file as the user would open it, relative to where the command runs. */
	private static String located(String folder, RuleError error) {
		boolean inFolder = !error.file().equals(folder) && !Path.of(error.file()).isAbsolute();
		String file = inFolder ? folder.replaceAll("/+$", "") + "/" + error.file() : error.file();
		return new RuleError(file, error.line(), error.message()).toString();
	}
}
