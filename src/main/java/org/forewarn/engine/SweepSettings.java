package org.forewarn.engine;

import java.time.Duration;

import org.forewarn.shared.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweep for overdue outreach ({@code forewarn.sweep.*}).
 *
 * @param interval how often to look, after the first look at start
 * @param grace how long past its time work must be before the sweep wakes its customer (its own wakeup normally
 * fires within seconds)
 * @param limit most overdue records of each kind handled per sweep; the rest wait for the next one
 */
@ConfigurationProperties("forewarn.sweep")
public record SweepSettings(@DefaultValue("PT5M") Duration interval, @DefaultValue("PT2M") Duration grace,
		@DefaultValue("1000") int limit) {

	public SweepSettings {
		SettingChecks.positive("forewarn.sweep.interval", interval);
		SettingChecks.notNegative("forewarn.sweep.grace", grace);
		if (limit < 1) {
			throw new IllegalArgumentException("forewarn.sweep.limit must be at least 1, was " + limit);
		}
	}
}
