package org.forewarn.outreach;

/** Texts that come from outside (provider messages, matched facts) cut to what their column holds. */
final class ColumnText {

	private ColumnText() {
	}

	/** The text, or its first {@code max - 3} characters and "..." when longer; null stays null. */
	static String fit(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
	}
}
