package org.forewarn.rules;

import java.util.regex.Pattern;

import org.kie.api.definition.rule.Rule;

/**
 * A rule's stable id, declared with {@code @id("shipment-late-notice")} (a decision table's {@code METADATA} column):
 * what outreach records, detections and their dedupe keys hold, so a rule can be renamed without becoming a new
 * rule. A rule without one is refused by {@code validate} and reloads; loaded at start anyway, it goes by its name,
 * the identity its records held before ids existed, so nothing is sent twice for it.
 */
final class RuleIds {

	static final String ANNOTATION = "id";
	static final int MAX_LENGTH = 80;
	/** Lower case letters and digits, words joined by '-', '_' or '.'; never the '|' of a dedupe key. */
	private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*");

	private RuleIds() {
	}

	/** The id the engine records for a compiled rule. */
	static String of(Rule rule) {
		String declared = declared(rule.getMetaData().get(ANNOTATION));
		return declared == null ? rule.getName() : declared;
	}

	/** The declared value without the quotes around it; null when there is none. */
	static String declared(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			text = text.substring(1, text.length() - 1).strip();
		}
		return text.isEmpty() ? null : text;
	}

	/** What is wrong with a declared id, or null when it is fine. */
	static String problem(String id) {
		if (id.length() > MAX_LENGTH) {
			return "@id(\"" + id + "\") is longer than " + MAX_LENGTH + " characters";
		}
		if (!FORM.matcher(id).matches()) {
			return "@id(\"" + id + "\") is not a valid id: use lower case letters and digits, words joined by '-', "
					+ "e.g. @id(\"shipment-late-notice\")";
		}
		return null;
	}
}
