package org.forewarn.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Part of {@link RuleChecks}: every rule has a valid id of its own, and every threshold a rule reads is defined in
 * thresholds.properties.
 */
final class IdentityChecks {

	private final Thresholds thresholds;
	private final List<RuleError> errors;
	/** Each declared rule id with where it is declared, to find the same id twice. */
	private final Map<String, RuleError> ids = new LinkedHashMap<>();
	private final List<String> thresholdsUsed = new ArrayList<>();

	/** Adds what it finds to {@code errors}. */
	IdentityChecks(Thresholds thresholds, List<RuleError> errors) {
		this.thresholds = thresholds;
		this.errors = errors;
	}

	/** Thresholds no rule reads. */
	List<RuleError> unusedThresholds() {
		return thresholds.unused(thresholdsUsed);
	}

	/** Each {@code thresholds.duration("name")} must name a threshold of thresholds.properties. */
	void thresholdUses(RuleChecks.Source source) {
		Matcher use = Thresholds.USE.matcher(source.drl());
		while (use.find()) {
			String name = use.group(2);
			thresholdsUsed.add(name);
			if (!thresholds.has(name)) {
				int line = 1 + (int) source.drl().substring(0, use.start()).chars().filter(c -> c == '\n').count();
				String message = thresholds.unknown(use.group(1), name);
				errors.add(source.table() == null ? new RuleError(source.file(), line, message)
						: source.table().locate(line, message));
			}
		}
	}

	/** Every rule needs its own valid id: records and dedupe keys hold it, not the name. */
	void id(RuleChecks.Source source, RuleDescr rule) {
		AnnotationDescr annotation = rule.getAnnotation(RuleIds.ANNOTATION);
		String id = annotation == null ? null : RuleIds.declared(annotation.getSingleValue());
		String what = "rule \"" + rule.getName() + "\"";
		if (id == null) {
			errors.add(ruleAt(source, rule, null, what + (source.table() == null
					? " has no @id: give it one that stays when the rule is renamed, on the line after its name, e.g. "
							+ "@id(\"shipment-late-notice\")"
					: " has no id: add a METADATA column with the code id(\"$param\") and give every row its own id")
					+ "; outreach records and their dedupe keys hold the id, so a rename then changes nothing for "
					+ "customers"));
			return;
		}
		RuleError at = ruleAt(source, rule, id, "");
		String problem = RuleIds.problem(id);
		if (problem != null) {
			errors.add(new RuleError(at.file(), at.line(), prefixed(at, what + ": " + problem)));
			return;
		}
		RuleError first = ids.putIfAbsent(id, at);
		if (first != null) {
			errors.add(new RuleError(at.file(), at.line(), prefixed(at, what + ": @id(\"" + id + "\") is already "
					+ "used at " + first.file() + ":" + first.line() + "; every rule needs its own id")));
		}
	}

	/** Where a rule is: its line, or its table row (and the cell holding {@code cellValue}). */
	static RuleError ruleAt(RuleChecks.Source source, RuleDescr rule, String cellValue, String message) {
		if (source.table() == null) {
			return new RuleError(source.file(), rule.getLine(), message);
		}
		RuleError row = source.table().locate(rule.getLine() + 1, message);
		String column = cellValue == null ? null : source.table().column(row.line(), cellValue);
		return new RuleError(row.file(), row.line(), column == null ? message : column + ": " + message);
	}

	private static String prefixed(RuleError at, String message) {
		return at.message().isEmpty() ? message : at.message() + message;
	}
}
