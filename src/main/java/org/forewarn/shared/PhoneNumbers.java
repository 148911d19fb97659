package org.forewarn.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in one spelling, E.164: {@code +} and 8 to 15 digits. Spaces, dots, dashes, slashes and brackets are
 * dropped and a leading {@code 00} becomes {@code +}; a number without its country code is no number, since no
 * country can be assumed.
 */
public final class PhoneNumbers {

	/** What a number must look like, for error messages. */
	public static final String EXPECTED = "an E.164 phone number (+ country code and number, 8 to 15 digits, e.g. "
			+ "+5511912345678)";

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
	private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-/]");

	private PhoneNumbers() {
	}

	/** The number in E.164, or empty when {@code written} cannot be read as one. */
	public static Optional<String> e164(String written) {
		if (written == null) {
			return Optional.empty();
		}
		String number = SEPARATORS.matcher(written.strip()).replaceAll("");
		if (number.startsWith("00")) {
			number = "+" + number.substring(2);
		}
		return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
	}
}
