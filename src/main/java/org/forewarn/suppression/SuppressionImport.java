package org.forewarn.suppression;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.StringTokenizer;

/**
 * A CSV file of addresses to suppress: a header line {@code channel,address,reason}, then one address a line (fields
 * in double quotes may hold commas; a quote left open is an error of its line). Every good line is added (source import); every bad one is reported with its
 * line number and nothing else is lost. More than {@code maxLines} lines are refused as a whole, before any is added.
 */
final class SuppressionImport {

	static final String HEADER = "channel,address,reason";

	record LineError(int line, String error) {
	}

	record Result(int imported, List<LineError> errors) {
	}

	/** A file that cannot be imported at all (no header, too long): nothing was added. */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message);
		}
	}

	private record Row(int line, String channel, String address, String reason) {
	}

	private SuppressionImport() {
	}

	static Result run(BufferedReader csv, int maxLines, SuppressionList list, String by) throws IOException, Refused {
		String header = csv.readLine();
		if (header == null || !header.strip().replace(" ", "").replace("\uFEFF", "").toLowerCase(Locale.ROOT)
			.equals(HEADER)) {
			throw new Refused("line 1: the header must be '" + HEADER + "'");
		}
		List<Row> rows = new ArrayList<>();
		List<LineError> errors = new ArrayList<>();
		int number = 1;
		for (String line = csv.readLine(); line != null; line = csv.readLine()) {
			number++;
			if (number - 1 > maxLines) {
				throw new Refused("more than " + maxLines + " lines; split the file (forewarn.suppressions.import-max-lines)");
			}
			if (line.isBlank()) {
				continue;
			}
			// the tokenizer would read an unclosed quote to the end of the line, commas and all, as one field
			if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
				errors.add(new LineError(number, "a double quote (\") is not closed; fields are one line each"));
				continue;
			}
			List<String> fields = StringTokenizer.getCSVInstance(line).getTokenList();
			if (fields.size() < 2 || fields.size() > 3) {
				errors.add(new LineError(number, "expected 2 or 3 fields (" + HEADER + "), found " + fields.size()));
				continue;
			}
			rows.add(new Row(number, fields.get(0), fields.get(1), fields.size() == 3 ? fields.get(2) : null));
		}
		int imported = 0;
		for (Row row : rows) {
			try {
				list.add(row.channel(), row.address(), row.reason(), SuppressionSource.IMPORT, null, by);
				imported++;
			}
			catch (IllegalArgumentException e) {
				errors.add(new LineError(row.line(), e.getMessage()));
			}
		}
		errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return new Result(imported, errors);
	}
}
