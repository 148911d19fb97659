package org.forewarn.channel;

import java.time.Duration;

import org.forewarn.shared.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the SMTP server and Twilio are checked for {@code /actuator/health} ({@code forewarn.health.providers.*}).
 * Probes read the last result; they never reach a provider themselves.
 *
 * @param interval time between two checks of each configured provider
 */
@ConfigurationProperties("forewarn.health.providers")
record ProviderHealthSettings(@DefaultValue("PT1M") Duration interval) {

	ProviderHealthSettings {
		SettingChecks.positive("forewarn.health.providers.interval", interval);
	}
}
