package org.forewarn.suppression;

import java.util.Locale;
import java.util.regex.Pattern;

import org.forewarn.shared.PhoneNumbers;

/**
 * One spelling per address, so a suppression matches however the address was written. Email: trimmed and in lower
 * case as a whole (the domain is case-insensitive by definition; local parts are too at every common provider, and a
 * do-not-contact list would rather over-match). Phone: E.164, read by {@link PhoneNumbers}.
 */
public final class Addresses {

	public static final String EMAIL = "email";
	public static final String SMS = "sms";

	private static final int MAX_EMAIL = 320;
	private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

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
		return PhoneNumbers.e164(address)
			.orElseThrow(() -> new IllegalArgumentException("address: not " + PhoneNumbers.EXPECTED));
	}
}
