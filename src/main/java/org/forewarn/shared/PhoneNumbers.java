package org.forewarn.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in one spelling, E.164: {@code +} and 8 to 15 digits. Spaces, dots, dashes, slashes and brackets are
 * dropped, a {@code (0)} right after the country code is dropped with its digit and a leading {@code 00} becomes
 * {@code +}; a number without its country code is no number, since no country can be assumed.
 */
public final class PhoneNumbers {

	/** What a number must look like, for error messages. */
	public static final String EXPECTED = "an E.164 phone number (+ country code and number, 8 to 15 digits, e.g. "
			+ "+5511912345678)";

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
	private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-/]");
	/**
	 * {@code +44 (0) 20 7946 0958}: the 0 in brackets is the trunk prefix dialled only from inside the country; kept,
	 * it would make another number.
	 */
	private static final Pattern TRUNK_AFTER_COUNTRY_CODE = Pattern
		.compile("^(\\+|00)([1-9]\\d{0,2})[\\s.\\-/]*\\(0\\)");

	private PhoneNumbers() {
	}

	/** The number in E.164, or empty when {@code written} cannot be read as one. */
	public static Optional<String> e164(String written) {
		if (written == null) {
			return Optional.empty();
		}
		String withoutTrunk = TRUNK_AFTER_COUNTRY_CODE.matcher(written.strip()).replaceFirst("$1$2 ");
		String number = SEPARATORS.matcher(withoutTrunk).replaceAll("");
		if (number.startsWith("00")) {
			number = "+" + number.substring(2);
		}
		return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
	}
}
