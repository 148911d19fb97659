package org.forewarn.shared;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text without anyone's contact details: every email address and international phone number goes, and so do
 * the given person's own details whatever their case, their phone also written without its country code or with
 * other separators ({@code (555) 765-4321} for {@code +15557654321}). Used on reasons that may quote a person.
 */
public final class ContactText {

	private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
	private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ()\\-.]{5,}\\d");
	/** A run of digits as people write a number: separators between them, a + or a bracket before. */
	private static final Pattern DIGIT_RUN = Pattern.compile("[+(]?\\d[\\d\\s.()\\-/]*\\d\\)?");
	/** The trailing digits that identify a number however it is written (a national form drops the country code). */
	private static final int SIGNIFICANT_DIGITS = 7;

	private ContactText() {
	}

	/** {@code text} with each email address, phone number and {@code known} value replaced by {@code mark}. */
	public static String without(String text, Collection<String> known, String mark) {
		if (text == null) {
			return null;
		}
		String scrubbed = EMAIL.matcher(text).replaceAll(Matcher.quoteReplacement(mark));
		scrubbed = PHONE.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(mark));
		for (String value : known) {
			if (value == null || value.strip().length() < 3) {
				continue;
			}
			scrubbed = Pattern.compile(Pattern.quote(value.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
				.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(mark));
			String number = PhoneNumbers.e164(value).orElse(null);
			if (number != null) {
				scrubbed = withoutNumber(scrubbed, number.substring(number.length() - SIGNIFICANT_DIGITS), mark);
			}
		}
		return scrubbed;
	}

	private static String withoutNumber(String text, String lastDigits, String mark) {
		return DIGIT_RUN.matcher(text).replaceAll(run -> run.group().replaceAll("\\D", "").endsWith(lastDigits)
				? Matcher.quoteReplacement(mark) : Matcher.quoteReplacement(run.group()));
	}
}
