package org.forewarn.shared;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/**
 * What a JSON reader's error says, for the sender: without the parser's own names (its classes, features and
 * settings), which tell a sender nothing they can change and an attacker what reads their input.
 */
public final class JsonMessages {

	private static final Pattern TOKEN = Pattern.compile("`JsonToken\\.(\\w+)`");
	private static final Pattern INTERNALS = Pattern.compile(
			", from `[^`]*`" // "(500, from `StreamReadConstraints.getMaxNestingDepth()`)"
					+ "| \\(bound as `[^`]*`\\)"
					+ "|: not allowed as per `[^`]*`"
					+ "|: enable `[^`]*` to allow"
					+ "| \\(not recognized as one since Feature '[^']*' not enabled for parser\\)"
					+ "|[:;,]? [^:;,(]*`[^`]*`[^:;,)]*"); // any other sentence naming one

	private JsonMessages() {
	}

	public static String plain(JacksonException e) {
		String message = e.getOriginalMessage();
		if (message == null) {
			return "unreadable";
		}
		return INTERNALS.matcher(TOKEN.matcher(message).replaceAll("$1")).replaceAll("").strip();
	}
}
