package org.forewarn.rules;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.forewarn.outreach.RuleVocabulary;

/** The {@code validate} command run in a test: its exit code, and what it printed to each stream. */
final class ValidateRun {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	/** Checks {@code folder} against the project's settings, as {@code validate} run from the project does. */
	int validate(Path folder) {
		return run(new String[] { folder.toString() }, RuleVocabulary.fromSettings(Path.of("config/application.yml")));
	}

	int run(String[] args, RuleContext context) {
		return ValidateCommand.run(args, print(out), print(err), context);
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static PrintStream print(ByteArrayOutputStream buffer) {
		return new PrintStream(buffer, true, StandardCharsets.UTF_8);
	}
}
