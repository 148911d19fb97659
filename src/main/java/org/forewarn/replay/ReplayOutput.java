package org.forewarn.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachFilter;
import org.forewarn.outreach.OutreachStore;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes what a replay decided: every outreach record with its final status, one JSON object a line. */
@Component
@Profile("replay")
class ReplayOutput {

	static final String OUTREACH_FILE = "outreach.jsonl";
	static final String SUMMARY_FILE = "summary.txt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OutreachStore outreach;

	ReplayOutput(OutreachStore outreach) {
		this.outreach = outreach;
	}

	List<Outreach> all() {
		return outreach.search(new OutreachFilter(null, null, null, null), Integer.MAX_VALUE);
	}

	void write(Path folder, ReplaySummary summary) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(OUTREACH_FILE), StandardCharsets.UTF_8)) {
			for (Outreach record : summary.outreach()) {
				out.write(JSON.writeValueAsString(record));
				out.write('\n');
			}
		}
		Files.writeString(folder.resolve(SUMMARY_FILE), summary.render(), StandardCharsets.UTF_8);
	}
}
