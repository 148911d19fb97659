package org.forewarn.suppression;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per address, so a suppression matches however the address was written. Email: trimmed and in lower
 * case as a whole (the domain is case-insensitive by definition; local parts are too at every common provider, and a
 * do-not-contact list would rather over-match). Phone: E.164, {@code +} and 8 to 15 digits; spaces, dots, dashes and
 * brackets are dropped and a leading {@code 00} becomes {@code +}. A number without its country code is refused,
 * since no country can be assumed.
 */
public final class Addresses {

	public static final String EMAIL = "email";
	public static final String SMS = "sms";

	private static final int MAX_EMAIL = 320;
	private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.()\\-/]");

	private Addresses() {
	}

	/** The normalised address; an error saying what is wrong with it otherwise. */
	public static String normalise(String channel, String address) {
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("address: missing");
		}
		return switch (channel(channel)) {
			case EMAIL -> email(address);
			default -> phone(address);
		};
	}

	/** The channel name in lower case: email or sms. */
	public static String channel(String channel) {
		String name = channel == null ? "" : channel.strip().toLowerCase(Locale.ROOT);
		if (!name.equals(EMAIL) && !name.equals(SMS)) {
			throw new IllegalArgumentException("channel: '" + channel + "' is not email or sms");
		}
		return name;
	}

	private static String email(String address) {
		String value = address.strip().toLowerCase(Locale.ROOT);
		if (value.length() > MAX_EMAIL || !EMAIL_SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("address: not an email address (name@domain)");
		}
		return value;
	}

	private static String phone(String address) {
		String value = PHONE_SEPARATORS.matcher(address.strip()).replaceAll("");
		if (value.startsWith("00")) {
			value = "+" + value.substring(2);
		}
		if (!E164.matcher(value).matches()) {
			throw new IllegalArgumentException("address: not an E.164 phone number (+ country code and number, "
					+ "e.g. +5511912345678)");
		}
		return value;
	}
}
