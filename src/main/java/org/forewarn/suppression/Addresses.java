package org.forewarn.suppression;

import java.util.Locale;

import org.forewarn.shared.EmailAddresses;
import org.forewarn.shared.PhoneNumbers;

/**
 * One spelling per address, so a suppression matches however the address was written. Email: trimmed and in lower
 * case as a whole (the domain is case-insensitive by definition; local parts are too at every common provider, and a
 * do-not-contact list would rather over-match), and one that can be an address ({@link EmailAddresses}, as intake
 * checks a customer's email). Phone: E.164, read by {@link PhoneNumbers}.
 */
public final class Addresses {

	public static final String EMAIL = "email";
	public static final String SMS = "sms";

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

	/**
	 * The spelling of an email entry stored before addresses were checked as they are now: what lifting it looks for
	 * when the address fails today's check (numbers were checked as now from the start).
	 */
	static String emailAsStoredBefore(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	/** An entry that is no address one could send to (a display name, a control character) protects nobody. */
	private static String email(String address) {
		String value = address.strip().toLowerCase(Locale.ROOT);
		String problem = EmailAddresses.problem(value);
		if (problem != null) {
			throw new IllegalArgumentException("address: not " + EmailAddresses.EXPECTED + ": " + problem);
		}
		return value;
	}

	private static String phone(String address) {
		return PhoneNumbers.e164(address)
			.orElseThrow(() -> new IllegalArgumentException("address: not " + PhoneNumbers.EXPECTED));
	}
}
