package org.forewarn;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a test request signs in: HTTP Basic, an API token, or not at all. */
public record Credentials(String authorization) {

	/** The password every test server gives its first user {@code admin} (every role). */
	public static final String ADMIN_PASSWORD = "test-admin-password";

	public static final Credentials ADMIN = basic("admin", ADMIN_PASSWORD);

	public static final Credentials NONE = new Credentials(null);

	public static Credentials basic(String user, String password) {
		return new Credentials("Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public static Credentials bearer(String token) {
		return new Credentials("Bearer " + token);
	}

	/** The setting that gives a test server's (or a child process's) first user {@link #ADMIN_PASSWORD}. */
	public static String adminPasswordSetting() {
		return "--forewarn.security.initial-admin-password=" + ADMIN_PASSWORD;
	}
}
