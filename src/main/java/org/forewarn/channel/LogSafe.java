package org.forewarn.channel;

import java.util.regex.Pattern;

/** Provider messages quote addresses and numbers; logs keep only enough of them to tell cases apart. */
final class LogSafe {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)");
	private static final Pattern PHONE = Pattern.compile("\\+\\d{4,}(\\d{2})");

	private LogSafe() {
	}

	static String mask(String text) {
		if (text == null) {
			return null;
		}
		return PHONE.matcher(EMAIL.matcher(text).replaceAll("$1***$2")).replaceAll("+***$1");
	}
}
