package org.forewarn.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What the table compiler takes without a word but a person did not mean, read from a CSV table's own lines: a quote
 * left open (the cells after it run into one), headings without rows (a table emptied or cut short), and a row whose
 * action cells are empty (a row cut short: the rule it makes decides nothing).
 */
final class TableRows {

	/** Heading rows below a {@code RuleTable} row: column kinds, fact patterns, code templates, headings. */
	private static final int HEADINGS = 4;

	private TableRows() {
	}

	/** The errors that keep the table from being read as meant: a quote left open, or no rows under the headings. */
	static List<RuleError> unreadable(String file, String csvText) {
		List<RuleError> errors = new ArrayList<>();
		String[] lines = csvText.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].chars().filter(c -> c == '"').count() % 2 != 0) {
				errors.add(new RuleError(file, i + 1, "unclosed quote: a quote (\") opened on this line is not closed,"
						+ " so the cells after it run together; close it, and write a quote inside a cell as \"\""));
			}
		}
		List<List<String>> rows = DecisionTables.Generated.rows(csvText);
		int start = ruleTable(rows);
		if (errors.isEmpty() && start >= 0 && rows.stream().skip(start + HEADINGS + 1L).allMatch(TableRows::blank)) {
			errors.add(new RuleError(file, 0, "defines no rule: the table has its headings but no rows, so loading it"
					+ " would withdraw every rule it held. If it was cut short while saving or copying, save or copy it"
					+ " again; to remove its rules, delete the file"));
		}
		return errors;
	}

	/**
	 * For the rule made from {@code row}: its action columns left empty, as {@code column G "Template"}; empty when
	 * every action cell is filled in (or the table is a spreadsheet, whose cells are not read here).
	 */
	static List<String> emptyActions(DecisionTables.Generated table, int row) {
		List<List<String>> rows = table.rows();
		int start = ruleTable(rows);
		if (start < 0 || row <= start + HEADINGS + 1 || row > rows.size()) {
			return List.of();
		}
		List<String> kinds = rows.get(start + 1);
		List<String> headings = rows.get(start + HEADINGS);
		List<String> cells = rows.get(row - 1);
		List<String> empty = new ArrayList<>();
		for (int i = 0; i < kinds.size(); i++) {
			if (kinds.get(i).strip().equalsIgnoreCase("ACTION") && (i >= cells.size() || cells.get(i).isBlank())) {
				String heading = i < headings.size() ? headings.get(i).strip() : "";
				empty.add("column " + DecisionTables.Generated.letter(i) + (heading.isEmpty() ? "" : " \"" + heading + "\""));
			}
		}
		return empty;
	}

	private static int ruleTable(List<List<String>> rows) {
		for (int r = 0; r + HEADINGS < rows.size(); r++) {
			if (!rows.get(r).isEmpty() && rows.get(r).get(0).strip().startsWith("RuleTable")) {
				return r;
			}
		}
		return -1;
	}

	private static boolean blank(List<String> cells) {
		return cells.stream().allMatch(String::isBlank);
	}
}
