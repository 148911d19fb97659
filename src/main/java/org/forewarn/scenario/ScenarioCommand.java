package org.forewarn.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.forewarn.replay.ReplaySession;

/**
 * {@code test [DIR]}: runs the scenario files under {@code DIR/tests/} (default {@code rules}) against the rules in
 * {@code DIR}, through the same path as a replay, and prints a pass/fail report. Exit code 0 when every scenario
 * passes, 1 when one fails or a file cannot be read, 2 for a wrong call.
 */
public final class ScenarioCommand {

	static final String USAGE = "usage: test [RULES_DIR]   (default: rules; scenarios in RULES_DIR/tests/*.yaml)";

	private ScenarioCommand() {
	}

	public static int run(String[] args, PrintStream out) {
		List<String> settings = new ArrayList<>();
		String folder = null;
		for (String arg : args) {
			if (arg.startsWith("--")) {
				settings.add(arg); // any Spring setting, as for replay
			}
			else if (folder == null && !arg.isBlank()) {
				folder = arg;
			}
			else {
				out.println(USAGE);
				return 2;
			}
		}
		String refusal = ReplaySession.refusal(settings);
		if (refusal != null) {
			out.println("test: " + refusal);
			return 2;
		}
		folder = folder == null ? "rules" : folder;
		Path rules = Path.of(folder);
		Path tests = rules.resolve("tests");
		List<Path> files = scenarioFiles(tests);
		if (files.isEmpty()) {
			out.println("no scenario files (*.yaml, *.yml, *.json) in " + tests);
			return 1;
		}
		settings.add(0, "--forewarn.rules=" + rules);
		ScenarioReport report = new ScenarioReport(out);
		try (ReplaySession session = ReplaySession.start(settings)) {
			report.header(folder, session.ruleVersion());
			ScenarioRunner runner = new ScenarioRunner(session);
			for (Path file : files) {
				String shownAs = file.toString();
				report.file(shownAs);
				try {
					for (Scenario scenario : ScenarioFile.read(file, shownAs)) {
						report.result(runner.run(scenario));
					}
				}
				catch (ScenarioFileException e) {
					report.unreadable(e.getMessage());
				}
			}
		}
		return report.finish() ? 0 : 1;
	}

	private static List<Path> scenarioFiles(Path tests) {
		if (!Files.isDirectory(tests)) {
			return List.of();
		}
		// links followed, hidden names left out, as for the rules: a mounted ConfigMap lists each file once
		try (Stream<Path> walk = Files.walk(tests, FileVisitOption.FOLLOW_LINKS)) {
			return walk.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)$"))
				.filter(p -> StreamSupport.stream(tests.relativize(p).spliterator(), false)
					.noneMatch(name -> name.toString().startsWith(".")))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + tests, e);
		}
	}
}
