package org.forewarn.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.template.parser.DecisionTableParseException;

/**
 * Decision tables ({@code .csv}, {@code .xls}, {@code .xlsx}, with or without {@code .drl} before the extension) are
 * turned into DRL here rather than by the rule compiler, so that an error can be reported at the table's row instead
 * of a line of DRL nobody wrote: the generated DRL says above each rule which row it came from.
 */
final class DecisionTables {

	private static final Pattern RULE_ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+),");
	private static final Pattern CELL = Pattern.compile("(?:cell|at) \\$?([A-Z]{1,3})\\$?(\\d+)");
	private static final Pattern ROW_NUMBER = Pattern.compile("Row number: (\\d+)");
	private static final Pattern QUOTED = Pattern.compile("'([\\w.$]+)'");
	private static final Pattern UNANALYSED = Pattern.compile("Unable to Analyse Expression (.+?): \\[Error");
	private static final Pattern DRL_POSITION = Pattern.compile("\\s*\\[?Line:? \\d+[:,] ?(Column: )?\\d+\\]?");

	private DecisionTables() {
	}

	static boolean isTable(String fileName) {
		String name = fileName.toLowerCase();
		return name.endsWith(".csv") || name.endsWith(".xls") || name.endsWith(".xlsx");
	}

	/** The table as DRL; a table that cannot be read as one is rejected with the row the parser names. */
	static Generated toDrl(String file, byte[] content) {
		InputType type = file.toLowerCase().endsWith(".csv") ? InputType.CSV : InputType.XLS;
		String csvText = type == InputType.CSV ? new String(content, StandardCharsets.UTF_8) : "";
		List<RuleError> unreadable = TableRows.unreadable(file, csvText);
		if (!unreadable.isEmpty()) {
			throw new RuleBuildException(file, unreadable);
		}
		try {
			String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
			if (!drl.contains("rule \"")) {
				throw new RuleBuildException(file, List.of(new RuleError(file, 0,
						"no rules in this table: it needs a 'RuleTable' row followed by the column headers")));
			}
			return new Generated(file, drl, csvText);
		}
		catch (DecisionTableParseException | IllegalArgumentException | IllegalStateException e) {
			String message = String.valueOf(e.getMessage()).replaceFirst("^\\[[^]]*\\]\\s*", "");
			throw new RuleBuildException(file, List.of(new RuleError(file, rowNamedIn(message), message)));
		}
	}

	private static int rowNamedIn(String message) {
		Matcher cell = CELL.matcher(message);
		if (cell.find()) {
			return Integer.parseInt(cell.group(2));
		}
		Matcher row = ROW_NUMBER.matcher(message);
		return row.find() ? Integer.parseInt(row.group(1)) : 0;
	}

	/** A table compiled to DRL; maps the compiler's errors in that DRL back to the table. */
	record Generated(String file, String drl, String csvText) {

		RuleError locate(int drlLine, String message) {
			String[] lines = drl.split("\\R", -1);
			int row = 0;
			for (int i = Math.min(drlLine, lines.length) - 1; i >= 0 && row == 0; i--) {
				Matcher m = RULE_ROW.matcher(lines[i]);
				if (m.find()) {
					row = Integer.parseInt(m.group(1));
				}
			}
			Matcher quoted = QUOTED.matcher(message);
			if (row == 0 && quoted.find()) {
				row = rowContaining(quoted.group(1));
			}
			if (row == 0 && drlLine > 0 && drlLine <= lines.length) {
				row = rowContaining(lines[drlLine - 1].replaceFirst("^\\s*(import|global|package)\\s+", "")
					.replaceAll(";\\s*$", "").strip());
			}
			return new RuleError(file, row, DRL_POSITION.matcher(message).replaceAll("").strip());
		}

		/**
		 * The DRL lines of a condition the compiler names without a line ({@code Unable to Analyse Expression open ==
		 * yes: ...}); each rule is one row. The {@code nth} of {@code alike} such messages is about the {@code nth}
		 * line holding it when as many lines do; a message said once is about every line holding it, as the compiler
		 * says the same message once and the same condition fails alike. Empty when it cannot be told.
		 */
		List<Integer> linesOfCondition(String message, int nth, int alike) {
			Matcher unanalysed = UNANALYSED.matcher(message);
			if (!unanalysed.find()) {
				return List.of();
			}
			Pattern condition = Pattern.compile("(?<![\\w$.])" + Pattern.quote(unanalysed.group(1).strip())
					+ "(?![\\w(])");
			String[] lines = drl.split("\\R", -1);
			List<Integer> holding = new ArrayList<>();
			for (int i = 0; i < lines.length; i++) {
				if (condition.matcher(lines[i]).find()) {
					holding.add(i + 1);
				}
			}
			return alike == 1 ? holding : holding.size() == alike ? List.of(holding.get(nth)) : List.of();
		}

		/** The table's rows as cells (CSV tables only; empty for spreadsheets). */
		List<List<String>> rows() {
			return rows(csvText);
		}

		static List<List<String>> rows(String csvText) {
			List<List<String>> rows = new ArrayList<>();
			if (!csvText.isEmpty()) {
				CsvLineParser parser = new CsvLineParser();
				for (String line : csvText.split("\\R", -1)) {
					rows.add(parser.parse(line));
				}
			}
			return rows;
		}

		/**
		 * Where in {@code row} a cell holds {@code value} (alone or in a comma-separated list), as
		 * {@code column E "Channel"}; null when no cell does.
		 */
		String column(int row, String value) {
			List<List<String>> rows = rows();
			if (row < 1 || row > rows.size()) {
				return null;
			}
			List<String> cells = rows.get(row - 1);
			for (int i = 0; i < cells.size(); i++) {
				if (Arrays.stream(cells.get(i).split(",")).map(String::strip).anyMatch(value::equals)) {
					String heading = heading(rows, i);
					return "column " + letter(i) + (heading.isEmpty() ? "" : " \"" + heading + "\"");
				}
			}
			return null;
		}

		/** The heading people read above column {@code index}: four rows below {@code RuleTable}. */
		private static String heading(List<List<String>> rows, int index) {
			for (int r = 0; r + 4 < rows.size(); r++) {
				List<String> cells = rows.get(r);
				if (!cells.isEmpty() && cells.get(0).strip().startsWith("RuleTable")) {
					List<String> headings = rows.get(r + 4);
					return index < headings.size() ? headings.get(index).strip() : "";
				}
			}
			return "";
		}

		static String letter(int index) {
			return index < 26 ? String.valueOf((char) ('A' + index))
					: letter(index / 26 - 1) + (char) ('A' + index % 26);
		}

		/** For the settings above the table (RuleSet, Import, Variables): the CSV row holding the same name. */
		private int rowContaining(String name) {
			String[] rows = csvText.split("\\R", -1);
			for (int i = 0; i < rows.length && !name.isEmpty(); i++) {
				if (rows[i].contains(name)) {
					return i + 1;
				}
			}
			return 0;
		}
	}
}
