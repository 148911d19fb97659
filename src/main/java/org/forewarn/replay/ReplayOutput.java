package org.forewarn.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.forewarn.outreach.Outreach;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a replay decided: every outreach record with its final status, one JSON object a line, the text
 * summary, and the differences of a comparison.
 */
final class ReplayOutput {

	static final String OUTREACH_FILE = "outreach.jsonl";
	static final String SUMMARY_FILE = "summary.txt";
	static final String CHANGES_FILE = "changes.jsonl";
	static final String COMPARISON_FILE = "comparison.txt";
	static final String COMPARE_FOLDER = "compare";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReplayOutput() {
	}

	/** Deletes what a replay writes into {@code folder}, so that an earlier run's files cannot pass for this one's. */
	static void clear(Path folder) throws IOException {
		for (String file : List.of(ReportHtml.FILE, OUTREACH_FILE, SUMMARY_FILE, CHANGES_FILE, COMPARISON_FILE)) {
			Files.deleteIfExists(folder.resolve(file));
		}
		Path compared = folder.resolve(COMPARE_FOLDER);
		if (Files.isDirectory(compared)) {
			for (String file : List.of(OUTREACH_FILE, SUMMARY_FILE)) {
				Files.deleteIfExists(compared.resolve(file));
			}
			try (var left = Files.list(compared)) {
				if (left.findAny().isEmpty()) {
					Files.delete(compared);
				}
			}
		}
	}

	/** {@code figures}: the outcome and volume figures, written after the summary. */
	static void write(Path folder, ReplaySummary summary, String figures) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(OUTREACH_FILE), StandardCharsets.UTF_8)) {
			for (Outreach record : summary.outreach()) {
				out.write(JSON.writeValueAsString(record));
				out.write('\n');
			}
		}
		Files.writeString(folder.resolve(SUMMARY_FILE), summary.render() + figures, StandardCharsets.UTF_8);
	}

	/** One line per difference: {@code {"change": "added", "after": {...}}}, removed with "before", changed both. */
	static void writeChanges(Path folder, ReplayComparison comparison) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(CHANGES_FILE), StandardCharsets.UTF_8)) {
			for (ReplayComparison.Change change : comparison.changes()) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("change", change.kind().name().toLowerCase());
				line.put("key", ReplayComparison.key(change.either()));
				if (change.before() != null) {
					line.put("before", change.before());
				}
				if (change.after() != null) {
					line.put("after", change.after());
				}
				out.write(JSON.writeValueAsString(line));
				out.write('\n');
			}
		}
	}
}
