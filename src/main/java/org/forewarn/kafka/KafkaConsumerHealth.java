package org.forewarn.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.forewarn.health.HealthSettings;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Whether this instance's event consumer does its share: running, holding partitions (after a grace at start and
 * after a rebalance) and polling (a consumer that stopped polling is stuck on a record). Part of readiness in
 * production: an instance that cannot read events should not be taking HTTP intake it would only forward.
 */
final class KafkaConsumerHealth {

	private final KafkaListenerEndpointRegistry registry;
	private final HealthSettings.Kafka settings;
	private final Clock clock;
	/** Since when the running consumer has held no partition; null while it holds some, or is not running. */
	private volatile Instant unassignedSince;

	KafkaConsumerHealth(KafkaListenerEndpointRegistry registry, HealthSettings.Kafka settings, Clock clock) {
		this.registry = registry;
		this.settings = settings;
		this.clock = clock;
	}

	Health.Builder check() {
		MessageListenerContainer container = registry.getListenerContainer(EventRecordListener.ID);
		if (container == null || !container.isRunning()) {
			unassignedSince = null; // the grace for an assignment starts when the consumer runs
			return Health.down().withDetail("reason", "the Kafka event consumer is not running");
		}
		Instant now = clock.instant();
		Collection<TopicPartition> assigned = container.getAssignedPartitions();
		if (assigned == null || assigned.isEmpty()) {
			Instant since = unassignedSince == null ? now : unassignedSince;
			unassignedSince = since;
			Duration without = Duration.between(since, now);
			if (without.compareTo(settings.assignmentGrace()) > 0) {
				return Health.down().withDetail("reason", "no partition assigned to this instance for " + without
						+ " (forewarn.health.kafka.assignment-grace " + settings.assignmentGrace() + "): the broker is "
						+ "unreachable, or more consumers share the group than the topic has partitions");
			}
			return Health.up().withDetail("partitions", List.of()).withDetail("note", "waiting for an assignment");
		}
		unassignedSince = null;
		double silence = lastPollSecondsAgo(container.metrics());
		if (silence > settings.maxPollSilence().toSeconds()) {
			return Health.down().withDetail("reason", "the Kafka consumer has not polled for " + (long) silence
					+ " s (forewarn.health.kafka.max-poll-silence " + settings.maxPollSilence() + "): it is stuck "
					+ "processing a record");
		}
		return Health.up().withDetail("partitions", assigned.stream().map(TopicPartition::toString).sorted().toList())
			.withDetail("lastPollSecondsAgo", silence < 0 ? "never" : (long) silence);
	}

	/** The longest any of the container's consumers has gone without polling; -1 before the first poll. */
	private static double lastPollSecondsAgo(Map<String, Map<MetricName, ? extends Metric>> metrics) {
		double longest = -1;
		for (Map<MetricName, ? extends Metric> client : metrics.values()) {
			for (Map.Entry<MetricName, ? extends Metric> metric : client.entrySet()) {
				if ("last-poll-seconds-ago".equals(metric.getKey().name())
						&& metric.getValue().metricValue() instanceof Number value) {
					longest = Math.max(longest, value.doubleValue());
				}
			}
		}
		return longest;
	}
}
