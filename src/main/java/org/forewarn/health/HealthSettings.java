package org.forewarn.health;

import java.time.Duration;

import org.forewarn.shared.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Forewarn's own health is checked (providers have {@code forewarn.health.providers}).
 *
 * @param interval how often the database, the Kafka consumer and the wakeups are checked; probes read the last result
 * @param databaseTimeout longest wait for a database connection to answer before it counts as down
 * @param wakeups when wakeups count as late
 * @param kafka when the Kafka consumer counts as stalled
 */
@ConfigurationProperties("forewarn.health")
public record HealthSettings(@DefaultValue("PT15S") Duration interval,
		@DefaultValue("PT5S") Duration databaseTimeout, @DefaultValue Wakeups wakeups, @DefaultValue Kafka kafka) {

	public HealthSettings {
		SettingChecks.positive("forewarn.health.interval", interval);
		SettingChecks.positive("forewarn.health.database-timeout", databaseTimeout);
	}

	/**
	 * @param maxLateness a wakeup firing later than this after its due time, or one waiting that long past it,
	 * turns the {@code wakeups} indicator DOWN
	 */
	public record Wakeups(@DefaultValue("PT5M") Duration maxLateness) {

		public Wakeups {
			SettingChecks.positive("forewarn.health.wakeups.max-lateness", maxLateness);
		}
	}

	/**
	 * @param maxPollSilence the consumer not polling for this long (a record stuck in processing) counts as stalled
	 * @param assignmentGrace how long after start, or after losing its partitions, the consumer may hold none
	 */
	public record Kafka(@DefaultValue("PT2M") Duration maxPollSilence, @DefaultValue("PT1M") Duration assignmentGrace) {

		public Kafka {
			SettingChecks.positive("forewarn.health.kafka.max-poll-silence", maxPollSilence);
			SettingChecks.notNegative("forewarn.health.kafka.assignment-grace", assignmentGrace);
		}
	}
}
