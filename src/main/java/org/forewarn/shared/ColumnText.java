package org.forewarn.shared;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Texts that come from outside (provider messages, matched facts) cut to what their column holds; and, for rows kept
 * in memory, values refused as their column would refuse them.
 */
public final class ColumnText {

	private ColumnText() {
	}

	/** The text, or its first {@code max - 3} characters and "..." when longer; null stays null. */
	public static String fit(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
	}

	/** Refuses, as {@code column} would, a value longer than it holds. */
	public static void refuseLonger(String column, String value, int size) {
		if (value != null && value.length() > size) {
			throw new DataIntegrityViolationException(column + " holds at most " + size + " characters: "
					+ value.length() + " given");
		}
	}

	/** Refuses, as {@code column} would, no value or one longer than it holds. */
	public static void refuseMissingOrLonger(String column, String value, int size) {
		if (value == null) {
			throw new DataIntegrityViolationException(column + " must be given");
		}
		refuseLonger(column, value, size);
	}
}
