package org.forewarn.engine;

import java.time.Duration;

import org.forewarn.shared.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How due wakeups are found and handed over ({@code forewarn.wakeups.*}).
 *
 * @param pollInterval how often each instance looks for due wakeups when the last look found fewer than a batch
 * @param batchSize most wakeups taken per look; a full batch is followed by the next look at once
 * @param lease how long wakeups taken by an instance stay its own; if it dies meanwhile, they fire again after it
 * (the timer event's id is the same, so the customer's lane acts once)
 */
@ConfigurationProperties("forewarn.wakeups")
public record WakeupSettings(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("PT1M") Duration lease) {

	public WakeupSettings {
		SettingChecks.positive("forewarn.wakeups.poll-interval", pollInterval);
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("forewarn.wakeups.batch-size must be 1 to 10000, was " + batchSize);
		}
		if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
			throw new IllegalArgumentException("forewarn.wakeups.lease must be at least PT5S, was " + lease);
		}
	}
}
