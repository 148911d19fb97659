package org.forewarn.security;

/** What a password chosen for a new user must be. */
final class Passwords {

	static final int MIN_LENGTH = 12;

	private Passwords() {
	}

	/** A password sent in a JSON body: text, never a number or true turned into one. */
	static String text(Object password) {
		if (password != null && !(password instanceof String)) {
			throw new IllegalArgumentException("password: must be text");
		}
		return (String) password;
	}

	static String checked(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("password: at least " + MIN_LENGTH + " characters");
		}
		if (password.isBlank()) {
			// twelve spaces are twelve characters, but no secret
			throw new IllegalArgumentException("password: not only spaces");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			// BCrypt reads only the first 72 bytes
			throw new IllegalArgumentException("password: at most 72 bytes (72 plain letters and digits)");
		}
		return password;
	}
}
