package org.forewarn.logging;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses and phone numbers as logs may show them: enough to tell cases apart, never the whole.
 * {@code jane@example.com} becomes {@code j***@example.com}; {@code +33612345678} becomes {@code +33*******78}.
 */
public final class PersonalData {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
	/** E.164 (a + and 8 to 15 digits), also written with spaces, dots or dashes between groups of digits. */
	private static final Pattern PHONE = Pattern.compile("\\+\\d(?:[ .-]?\\d){7,14}(?!\\d)");
	/** Seven digits or more, also with spaces, dots or dashes between them: maybe part of a known number. */
	private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d(?:[ .-]?\\d){6,}(?!\\d)");
	/** Digits this long are too many to be anyone's phone number by chance. */
	private static final int KNOWN_DIGITS = 7;

	private PersonalData() {
	}

	/** The text with every email address and phone number in it masked; null stays null. */
	public static String mask(String text) {
		if (text == null || text.indexOf('@') < 0 && text.indexOf('+') < 0) {
			return text;
		}
		String emails = EMAIL.matcher(text).replaceAll("$1***$2");
		Matcher phones = PHONE.matcher(emails);
		return phones.replaceAll(match -> Matcher.quoteReplacement(maskPhone(match.group())));
	}

	/**
	 * The text {@linkplain #mask(String) masked}, and also any of the given phone numbers written without its +, with
	 * 00 or a national 0, or cut down to seven of its digits or more (as an exception's message may quote a number a
	 * rule parsed): digits alone are not masked everywhere, since ids, times and counts are digits too.
	 */
	public static String mask(String text, Collection<String> phones) {
		String masked = mask(text);
		if (masked == null || phones.isEmpty()) {
			return masked;
		}
		Matcher digits = DIGITS.matcher(masked);
		return digits.replaceAll(match -> {
			String run = match.group().replaceAll("\\D", "").replaceFirst("^0+", "");
			boolean known = run.length() >= KNOWN_DIGITS
					&& phones.stream().anyMatch(p -> p != null && p.replaceAll("\\D", "").contains(run));
			return Matcher.quoteReplacement(known ? maskDigits(run) : match.group());
		});
	}

	/** Whether {@code text} holds an address or a number {@link #mask} would change. */
	public static boolean contains(String text) {
		return text != null && (text.indexOf('@') >= 0 || text.indexOf('+') >= 0)
				&& (EMAIL.matcher(text).find() || PHONE.matcher(text).find());
	}

	private static String maskPhone(String phone) {
		return "+" + maskDigits(phone.replaceAll("\\D", ""));
	}

	private static String maskDigits(String digits) {
		return digits.substring(0, 2) + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 2);
	}
}
