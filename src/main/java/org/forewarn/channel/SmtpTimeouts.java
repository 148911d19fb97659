package org.forewarn.channel;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Jakarta Mail waits for ever by default: a silent SMTP server would hold a customer's lane, and every customer in
 * it, indefinitely. This sets connect, read and write timeouts on the mail session, for smtp and smtps, and leaves
 * alone any the operator set in {@code spring.mail.properties}.
 */
final class SmtpTimeouts {

	private SmtpTimeouts() {
	}

	/** Adds the timeouts {@code session} does not set yet; returns those of {@code protocol} in words for the log. */
	static String apply(Properties session, ChannelSettings.Email email, String protocol) {
		for (String each : List.of("smtp", "smtps")) {
			setIfAbsent(session, "mail." + each + ".connectiontimeout",
					millis("forewarn.channels.email.connect-timeout", email.connectTimeout()));
			setIfAbsent(session, "mail." + each + ".timeout",
					millis("forewarn.channels.email.read-timeout", email.readTimeout()));
			setIfAbsent(session, "mail." + each + ".writetimeout",
					millis("forewarn.channels.email.write-timeout", email.writeTimeout()));
		}
		String prefix = "mail." + protocol + ".";
		return "connect " + session.getProperty(prefix + "connectiontimeout") + " ms, read "
				+ session.getProperty(prefix + "timeout") + " ms, write " + session.getProperty(prefix + "writetimeout")
				+ " ms";
	}

	private static void setIfAbsent(Properties session, String key, String value) {
		if (session.getProperty(key) == null && session.get(key) == null) {
			session.setProperty(key, value);
		}
	}

	private static String millis(String setting, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(setting + ": '" + timeout + "' is not a timeout; give a positive "
					+ "duration such as 15s (0 or none would let a silent server wait for ever)");
		}
		return String.valueOf(timeout.toMillis());
	}
}
