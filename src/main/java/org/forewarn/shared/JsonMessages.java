package org.forewarn.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/**
 * What a JSON reader's error says, for the sender: without the parser's own names (its features and settings, the
 * packages of the types it reads into), which tell a sender nothing they can change and an attacker what reads
 * their input.
 */
public final class JsonMessages {

	private static final Pattern INTERNALS = Pattern.compile(
			", from `[^`]*`" // "(500, from `StreamReadConstraints.getMaxNestingDepth()`)"
					+ "| \\(bound as `[^`]*`\\)"
					+ "|: not allowed as per `[^`]*`"
					+ "|: enable `[^`]*` to allow"
					+ "| \\(not recognized as one since Feature '[^']*' not enabled for parser\\)");
	private static final Pattern TOKEN = Pattern.compile("`JsonToken\\.(\\w+)`");
	/** A type named in backticks: {@code `java.util.List<java.lang.String>`} reads {@code List<String>}. */
	private static final Pattern TYPE = Pattern.compile("`([^`]*)`");
	private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Za-z_$])");

	private JsonMessages() {
	}

	public static String plain(JacksonException e) {
		String message = e.getOriginalMessage();
		if (message == null) {
			return "unreadable";
		}
		String plain = TOKEN.matcher(INTERNALS.matcher(message).replaceAll("")).replaceAll("$1");
		Matcher type = TYPE.matcher(plain);
		return type.replaceAll(m -> Matcher.quoteReplacement(PACKAGE.matcher(m.group(1)).replaceAll(""))).strip();
	}
}
