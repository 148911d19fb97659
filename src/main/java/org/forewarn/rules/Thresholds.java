package org.forewarn.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.shared.ByteOrderMark;
import org.forewarn.shared.Suggestions;
import org.forewarn.shared.Utf8Text;

/**
 * Named thresholds of a rules folder, read from {@code thresholds.properties} beside the rules: one
 * {@code name = ISO-8601 duration} a line ({@code #} starts a comment). Rules read them through the global
 * {@code thresholds} ({@code global org.forewarn.rules.Thresholds thresholds;}), so a number used in several places
 * (when to look, what to check, when to send) is one edit, and it is part of the rule set's version.
 */
public final class Thresholds {

	/** The longest length of time a rule may use; beyond it, date arithmetic on event times overflows. */
	private static final Duration LONGEST = Duration.ofDays(36_500);
	static final String TOO_LONG = " is longer than 100 years (P36500D): a rule waits or looks back hours, days or "
			+ "months";

	/** Whether a length of time, either way, is longer than a rule may use ({@link #TOO_LONG} says so). */
	static boolean tooLong(Duration duration) {
		return duration.abs().compareTo(LONGEST) > 0;
	}

	static final String FILE = "thresholds.properties";
	static final String GLOBAL = "thresholds";
	static final Thresholds NONE = new Thresholds(Map.of(), Map.of(), Map.of());

	private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z][\\w.-]*)\\s*[=:]\\s*(.*?)\\s*");
	/** A use in a rule: {@code thresholds.duration("name")} or {@code thresholds.hours("name")}. */
	static final Pattern USE = Pattern.compile("\\bthresholds\\s*\\.\\s*(duration|hours)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

	private final Map<String, Duration> values;
	private final Map<String, Integer> lines;
	private final Map<String, String> written;

	private Thresholds(Map<String, Duration> values, Map<String, Integer> lines, Map<String, String> written) {
		this.values = values;
		this.lines = lines;
		this.written = written;
	}

	/** The folder's thresholds; adds what is wrong with the file to {@code errors} (file:line). */
	static Thresholds read(Path folder, List<RuleError> errors) {
		Path file = folder.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return NONE;
		}
		byte[] content;
		try {
			content = ByteOrderMark.strip(Files.readAllBytes(file));
		}
		catch (Exception e) {
			errors.add(new RuleError(FILE, 0, "cannot read: " + e.getMessage()));
			return NONE;
		}
		int notUtf8 = Utf8Text.firstLineNotUtf8(content);
		if (notUtf8 > 0) {
			errors.add(new RuleError(FILE, notUtf8, Utf8Text.NOT_UTF_8));
			return NONE;
		}
		List<String> text = new String(content, StandardCharsets.UTF_8).lines().toList();
		Map<String, Duration> values = new LinkedHashMap<>();
		Map<String, Integer> lines = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		for (int i = 0; i < text.size(); i++) {
			String line = text.get(i).strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
				continue;
			}
			Matcher m = LINE.matcher(line);
			if (!m.matches()) {
				errors.add(new RuleError(FILE, i + 1, "not a threshold: write one 'name = ISO-8601 duration' a line, "
						+ "e.g. shipment.late.notice-before = P1D"));
				continue;
			}
			String name = m.group(1);
			if (lines.containsKey(name)) {
				errors.add(new RuleError(FILE, i + 1, name + " is already set on line " + lines.get(name)
						+ ": set each threshold once"));
				continue;
			}
			try {
				Duration value = Duration.parse(m.group(2));
				if (value.isNegative()) {
					errors.add(new RuleError(FILE, i + 1, name + " = " + m.group(2) + " is negative: thresholds are "
							+ "lengths of time, e.g. PT12H"));
					continue;
				}
				if (tooLong(value)) {
					errors.add(new RuleError(FILE, i + 1, name + " = " + m.group(2) + TOO_LONG));
					continue;
				}
				values.put(name, value);
				lines.put(name, i + 1);
				written.put(name, m.group(2));
			}
			catch (DateTimeParseException e) {
				errors.add(new RuleError(FILE, i + 1, name + " = " + m.group(2) + " is not an ISO-8601 duration: "
						+ "write it as ISO-8601, e.g. PT12H (12 hours), PT30M (30 minutes), P2D (2 days)"));
			}
		}
		return new Thresholds(Collections.unmodifiableMap(values), Collections.unmodifiableMap(lines),
				Collections.unmodifiableMap(written));
	}

	/** The threshold as a duration; an unknown name fails the rule that asks (validate reports it first). */
	public Duration duration(String name) {
		Duration value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("no threshold \"" + name + "\" in " + FILE
					+ Suggestions.didYouMean(name, values.keySet()));
		}
		return value;
	}

	/** The threshold in hours, with fractions (PT90M is 1.5), to compare with {@code Trigger.hoursUntil}. */
	public double hours(String name) {
		return duration(name).toMillis() / 3_600_000.0;
	}

	/** Every threshold by name, as written in the file ({@code P1D}). */
	public Map<String, String> asText() {
		return written;
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	/** Thresholds no rule reads: worth a look, as a warning at their line. */
	List<RuleError> unused(List<String> used) {
		List<RuleError> found = new ArrayList<>();
		lines.forEach((name, line) -> {
			if (!used.contains(name)) {
				found.add(new RuleError(FILE, line, name + " is not read by any rule"));
			}
		});
		return found;
	}

	/** What a rule's use of a threshold that does not exist says. */
	String unknown(String method, String name) {
		return "thresholds." + method + "(\"" + name + "\"): there is no threshold \"" + name + "\" in " + FILE
				+ (values.isEmpty() ? " (the folder has none)" : Suggestions.didYouMean(name, values.keySet()));
	}
}
