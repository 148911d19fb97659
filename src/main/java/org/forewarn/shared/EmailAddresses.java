package org.forewarn.shared;

/**
 * Whether a text can be an email address, deliberately permissive: one {@code @} with something on both sides, no
 * spaces, control characters or lone surrogate halves, none of {@code <>()[],;:\"} (a display name, a list or a
 * header around the address, not the address), no empty label in the domain, at most 254 characters. Internationalised
 * addresses ({@code josé@exemplo.com.br}) and plus addressing pass: refusing a real address would stop mail to a real
 * customer, while a strange one that passes only fails at its send.
 */
public final class EmailAddresses {

	/** What an address must look like, for error messages. */
	public static final String EXPECTED = "an email address (name@domain)";
	/** The longest address SMTP can carry (a 256-octet path less its angle brackets). */
	public static final int MAX = 254;

	private static final String NEVER = "<>()[],;:\"";

	private EmailAddresses() {
	}

	/** Null when {@code address} can be an email address, else what is wrong with it. */
	public static String problem(String address) {
		if (address == null || address.isEmpty()) {
			return "missing";
		}
		if (address.length() > MAX) {
			return "longer than " + MAX + " characters";
		}
		int at = address.indexOf('@');
		if (at < 0 || at != address.lastIndexOf('@')) {
			return "needs exactly one @";
		}
		if (at == 0 || at == address.length() - 1) {
			return "needs a name before the @ and a domain after it";
		}
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < address.length()
					&& Character.isLowSurrogate(address.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "half of a surrogate pair alone at position " + i;
			}
			else if (Character.isISOControl(c)) {
				return "a control character at position " + i;
			}
			else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				return "a space at position " + i;
			}
			else if (NEVER.indexOf(c) >= 0) {
				return "'" + c + "' at position " + i;
			}
		}
		for (String label : address.substring(at + 1).split("\\.", -1)) {
			if (label.isEmpty()) {
				return "an empty label in the domain (two dots, or a dot at its start or end)";
			}
		}
		return null;
	}

	public static boolean plausible(String address) {
		return problem(address) == null;
	}
}
