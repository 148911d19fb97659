package org.forewarn.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Channel settings ({@code forewarn.channels.*}). SMTP itself is configured with Spring Boot's {@code spring.mail.*};
 * a channel that is not configured records instead of sending.
 *
 * @param recordOnly never send for real, whatever is configured (replay and backtests)
 * @param templates folder holding the message templates
 * @param fallbackLocale language of the plain template files, used when the customer's has no variant
 * @param email email settings
 * @param sms Twilio settings
 */
@ConfigurationProperties("forewarn.channels")
public record ChannelSettings(@DefaultValue("false") boolean recordOnly,
		@DefaultValue("config/templates") String templates, @DefaultValue("en") String fallbackLocale,
		@DefaultValue Email email, @DefaultValue Sms sms) {

	/**
	 * SMTP timeouts apply unless {@code spring.mail.properties.mail.smtp.*} (or {@code mail.smtps.*}) sets them.
	 *
	 * @param from sender address of every email
	 * @param connectTimeout longest wait for the SMTP server to take the connection
	 * @param readTimeout longest wait for each SMTP answer (the greeting too)
	 * @param writeTimeout longest wait for each write to the SMTP server
	 * @param idleConnections SMTP connections kept open for the next emails once theirs went out; 0 opens one per email
	 * @param keepIdle how long an unused connection stays open
	 * @param messagesPerConnection emails a connection carries at most before it is closed and a new one opened
	 */
	public record Email(@DefaultValue("Forewarn <noreply@forewarn.local>") String from,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
			@DefaultValue("15s") Duration writeTimeout, @DefaultValue("8") int idleConnections,
			@DefaultValue("30s") Duration keepIdle, @DefaultValue("100") int messagesPerConnection) {

		public Email {
			if (idleConnections < 0) {
				throw new IllegalArgumentException(
						"forewarn.channels.email.idle-connections must be 0 or more, not " + idleConnections);
			}
			if (keepIdle.isNegative() || keepIdle.isZero()) {
				throw new IllegalArgumentException(
						"forewarn.channels.email.keep-idle must be longer than 0, not " + keepIdle);
			}
			if (messagesPerConnection < 1) {
				throw new IllegalArgumentException("forewarn.channels.email.messages-per-connection must be 1 or more, "
						+ "not " + messagesPerConnection);
			}
		}
	}

	/**
	 * @param accountSid Twilio account SID; SMS are only recorded while it is empty
	 * @param authToken Twilio auth token
	 * @param fromNumber the Twilio number messages come from (E.164)
	 * @param apiBaseUrl another endpoint for the Twilio API, e.g. a gateway; empty means Twilio itself
	 * @param connectTimeout longest wait for Twilio to take the connection
	 * @param readTimeout longest wait for Twilio's answer once the request is sent
	 */
	public record Sms(String accountSid, String authToken, String fromNumber, String apiBaseUrl,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

		boolean configured() {
			return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
		}
	}
}
