package org.forewarn.brake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brake for storms ({@code forewarn.brake.*}).
 *
 * @param hourlyCeiling first sends of one rule let through per hour, counted in the database by every instance
 *        together; above it, further outreach of the rule waits for review. A rule may set its own with
 *        {@code .hourlyCeiling(n)}; 0 switches the default ceiling off
 * @param refresh how long an instance may act on pauses it read before it reads them again: a pause or resume made
 *        on another instance takes effect here within this time
 * @param rate messages per second toward each provider, per instance
 * @param ceilingInMemory whether the hourly ceiling's admissions are counted in this process's memory rather than in
 *        the database: only for a process that alone sends, on a database it throws away at its end (a replay), as
 *        no other instance would count them
 */
@ConfigurationProperties("forewarn.brake")
public record BrakeSettings(@DefaultValue("500") int hourlyCeiling, @DefaultValue("PT5S") Duration refresh,
		@DefaultValue Rate rate, @DefaultValue("false") boolean ceilingInMemory) {

	public BrakeSettings {
		if (hourlyCeiling < 0) {
			throw new IllegalArgumentException("forewarn.brake.hourly-ceiling: " + hourlyCeiling
					+ " is negative; give a number of messages per hour, or 0 for no ceiling");
		}
		if (refresh.isNegative()) {
			throw new IllegalArgumentException("forewarn.brake.refresh: " + refresh + " is negative");
		}
	}

	/**
	 * Provider rates, per instance: N instances together send up to N times these.
	 *
	 * @param email emails per second handed to SMTP (0: no limit)
	 * @param sms SMS per second handed to Twilio (0: no limit)
	 * @param maxWait how long a send waits for its turn; after that it is put back (still SCHEDULED) and tried again
	 * @param retryAfter how long a send put back waits before it is tried again
	 */
	public record Rate(@DefaultValue("20") int email, @DefaultValue("10") int sms,
			@DefaultValue("PT1S") Duration maxWait, @DefaultValue("PT1S") Duration retryAfter) {

		public Rate {
			if (email < 0 || sms < 0) {
				throw new IllegalArgumentException("forewarn.brake.rate: email (" + email + ") and sms (" + sms
						+ ") must be 0 (no limit) or more messages per second");
			}
			if (maxWait.isNegative() || retryAfter.isNegative() || retryAfter.isZero()) {
				throw new IllegalArgumentException("forewarn.brake.rate: max-wait (" + maxWait
						+ ") must not be negative and retry-after (" + retryAfter + ") must be positive");
			}
		}

		int perSecond(String channel) {
			return switch (channel) {
				case "email" -> email;
				case "sms" -> sms;
				default -> 0;
			};
		}
	}
}
