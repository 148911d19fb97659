package org.forewarn.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.forewarn.outreach.Outreach;

import tools.jackson.databind.json.JsonMapper;

/** Writes what a replay decided: every outreach record with its final status, one JSON object a line. */
final class ReplayOutput {

	static final String OUTREACH_FILE = "outreach.jsonl";
	static final String SUMMARY_FILE = "summary.txt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReplayOutput() {
	}

	static void write(Path folder, ReplaySummary summary) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(OUTREACH_FILE), StandardCharsets.UTF_8)) {
			for (Outreach record : summary.outreach()) {
				out.write(JSON.writeValueAsString(record));
				out.write('\n');
			}
		}
		Files.writeString(folder.resolve(SUMMARY_FILE), summary.render(), StandardCharsets.UTF_8);
	}
}
