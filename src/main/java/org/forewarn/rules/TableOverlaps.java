package org.forewarn.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of a decision table that can match the same facts: both rules then fire, each deciding its own outreach.
 * Understands the column kinds the shipped table uses: "one of" ({@code forall(||){field == "$"}}), "any except"
 * ({@code forall(&&){field != "$"}}) and "equals" ({@code field == $param}); a column of any other kind is taken to
 * keep rows apart when their cells differ. CSV tables only.
 */
final class TableOverlaps {

	private static final Pattern ONE_OF = Pattern.compile("forall\\(\\|\\|\\)\\{\\s*(\\w+)\\s*==");
	private static final Pattern EXCEPT = Pattern.compile("forall\\(&&\\)\\{\\s*(\\w+)\\s*!=");
	private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s*==\\s*\"?\\$param\"?\\s*$");

	private enum Kind { ONE_OF, EXCEPT, EQUALS, OTHER }

	private record Column(int index, String key, Kind kind) {
	}

	/** What a row asks of one field: one of {@code in} (null: any value) and none of {@code out}. */
	private record Constraint(Set<String> in, Set<String> out) {
	}

	private TableOverlaps() {
	}

	static List<RuleError> find(DecisionTables.Generated table) {
		List<List<String>> rows = table.rows();
		List<RuleError> warnings = new ArrayList<>();
		for (int r = 0; r + 4 < rows.size(); r++) {
			if (rows.get(r).isEmpty() || !rows.get(r).get(0).strip().startsWith("RuleTable")) {
				continue;
			}
			List<Column> columns = columns(rows.get(r + 1), rows.get(r + 2), rows.get(r + 3));
			List<Integer> ruleRows = new ArrayList<>();
			for (int d = r + 5; d < rows.size() && !blank(rows.get(d)); d++) {
				ruleRows.add(d);
			}
			for (int j = 0; j < ruleRows.size(); j++) {
				for (int i = 0; i < j; i++) {
					String witness = overlap(columns, rows.get(ruleRows.get(i)), rows.get(ruleRows.get(j)));
					if (witness != null) {
						int first = ruleRows.get(i) + 1;
						int second = ruleRows.get(j) + 1;
						warnings.add(new RuleError(table.file(), second, "rows " + first + " and " + second
								+ " both match " + witness + ": both rules fire and each decides its outreach;"
								+ " narrow one of them if only one should"));
					}
				}
			}
		}
		return warnings;
	}

	private static List<Column> columns(List<String> kinds, List<String> facts, List<String> code) {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < kinds.size(); i++) {
			if (!kinds.get(i).strip().equals("CONDITION")) {
				continue;
			}
			String fact = cell(facts, i).replaceFirst("^\\$\\w+\\s*:\\s*", "").strip();
			String text = cell(code, i);
			Matcher m;
			if ((m = ONE_OF.matcher(text)).find()) {
				columns.add(new Column(i, fact + "." + m.group(1), Kind.ONE_OF));
			}
			else if ((m = EXCEPT.matcher(text)).find()) {
				columns.add(new Column(i, fact + "." + m.group(1), Kind.EXCEPT));
			}
			else if ((m = EQUALS.matcher(text)).find()) {
				columns.add(new Column(i, fact + "." + m.group(1), Kind.EQUALS));
			}
			else {
				columns.add(new Column(i, fact + "[" + DecisionTables.Generated.letter(i) + "]", Kind.OTHER));
			}
		}
		return columns;
	}

	/** A description of facts both rows match, or null when they cannot match the same. */
	private static String overlap(List<Column> columns, List<String> a, List<String> b) {
		Map<String, Constraint> first = constraints(columns, a);
		Map<String, Constraint> second = constraints(columns, b);
		Set<String> keys = new LinkedHashSet<>(first.keySet());
		keys.addAll(second.keySet());
		List<String> witness = new ArrayList<>();
		for (String key : keys) {
			Constraint x = first.getOrDefault(key, new Constraint(null, Set.of()));
			Constraint y = second.getOrDefault(key, new Constraint(null, Set.of()));
			Set<String> out = new LinkedHashSet<>(x.out());
			out.addAll(y.out());
			if (x.in() == null && y.in() == null) {
				continue; // any value outside both exclusion lists matches both
			}
			Set<String> in = new LinkedHashSet<>(x.in() != null ? x.in() : y.in());
			if (x.in() != null && y.in() != null) {
				in.retainAll(y.in());
			}
			in.removeAll(out);
			if (in.isEmpty()) {
				return null;
			}
			witness.add(key + " \"" + in.iterator().next() + "\"");
		}
		return witness.isEmpty() ? "the same facts" : String.join(", ", witness);
	}

	private static Map<String, Constraint> constraints(List<Column> columns, List<String> row) {
		Map<String, Constraint> byKey = new LinkedHashMap<>();
		for (Column column : columns) {
			String value = cell(row, column.index());
			if (value.isEmpty()) {
				continue;
			}
			Set<String> values = new LinkedHashSet<>();
			for (String item : (column.kind() == Kind.EQUALS || column.kind() == Kind.OTHER ? new String[] { value }
					: value.split(","))) {
				values.add(item.strip());
			}
			Constraint now = byKey.getOrDefault(column.key(), new Constraint(null, Set.of()));
			Set<String> in = now.in();
			Set<String> out = new LinkedHashSet<>(now.out());
			if (column.kind() == Kind.EXCEPT) {
				out.addAll(values);
			}
			else if (in == null) {
				in = values;
			}
			else {
				in = new LinkedHashSet<>(in);
				in.retainAll(values);
			}
			byKey.put(column.key(), new Constraint(in, out));
		}
		return byKey;
	}

	private static String cell(List<String> cells, int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
	}

	private static boolean blank(List<String> row) {
		return row.stream().allMatch(c -> c == null || c.isBlank());
	}
}
