package org.forewarn.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * {@code replay EVENTS.jsonl --out DIR [--rules DIR]}: the real rules over a file of events in simulated time, on a
 * throw-away in-memory database, with every channel recording only. Writes {@code DIR/outreach.jsonl} and
 * {@code DIR/summary.txt}.
 */
public final class ReplayCommand {

	private static final String USAGE = "usage: replay EVENTS.jsonl --out DIR [--rules RULES_DIR] [--spring.setting=value ...]";

	private ReplayCommand() {
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args) {
		Path events = null;
		Path out = null;
		List<String> overrides = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--out" -> out = i + 1 < args.length ? Path.of(args[++i]) : null;
				case "--rules" -> overrides.add("--forewarn.rules=" + (i + 1 < args.length ? args[++i] : ""));
				default -> {
					if (args[i].startsWith("--")) {
						overrides.add(args[i]); // any Spring setting, e.g. --logging.level.org.forewarn=DEBUG
					}
					else {
						events = Path.of(args[i]);
					}
				}
			}
		}
		PrintStream console = System.out;
		if (events == null || out == null) {
			System.err.println(USAGE);
			return 2;
		}
		if (!Files.isReadable(events)) {
			System.err.println("replay: cannot read events file " + events);
			return 2;
		}
		try (ReplaySession session = ReplaySession.start(overrides)) {
			ReplaySummary summary;
			try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
				summary = new ReplayRun(session).replay(reader, countLines(events), System.err);
			}
			Files.createDirectories(out);
			ReplayOutput.write(out, summary);
			console.println(summary.render());
			console.println("Wrote " + out.resolve(ReplayOutput.OUTREACH_FILE) + " and "
					+ out.resolve(ReplayOutput.SUMMARY_FILE));
			return 0;
		}
		catch (IOException e) {
			System.err.println("replay: " + e.getMessage());
			return 1;
		}
	}

	private static long countLines(Path file) throws IOException {
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.count();
		}
	}
}
