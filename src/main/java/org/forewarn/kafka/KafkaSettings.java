package org.forewarn.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka intake settings ({@code forewarn.kafka.*}); the broker itself is Spring Boot's {@code spring.kafka.*}.
 *
 * @param enabled read events from Kafka (on in the production profile)
 * @param topics topics events are read from, keyed by customerId; Forewarn produces due timers and events
 *     posted over HTTP to the first one
 * @param deadLetterTopic where records that cannot be accepted go, with the reason in a header
 * @param createTopics create missing topics at start (an existing topic is left as it is)
 * @param partitions partitions of topics created at start: the most instances x consumers that can share the work
 * @param retry back-off for records whose processing failed for a transient cause (database unavailable)
 */
@ConfigurationProperties("forewarn.kafka")
public record KafkaSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("forewarn.events") List<String> topics,
		@DefaultValue("forewarn.events.DLT") String deadLetterTopic, @DefaultValue("true") boolean createTopics,
		@DefaultValue("12") int partitions, @DefaultValue Retry retry) {

	public KafkaSettings {
		if (topics.isEmpty()) {
			throw new IllegalArgumentException("forewarn.kafka.topics: name at least one topic");
		}
	}

	/** The topic Forewarn produces to itself (due timers, events posted over HTTP), keyed by customer. */
	String queueTopic() {
		return topics.get(0);
	}

	/**
	 * Retries of a record that failed for a transient cause; it is retried until it succeeds, never dead-lettered.
	 *
	 * @param initialInterval wait before the first retry
	 * @param multiplier growth of the wait between retries
	 * @param maxInterval longest wait between retries (keep it well below max.poll.interval.ms)
	 */
	public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2") double multiplier,
			@DefaultValue("30s") Duration maxInterval) {
	}
}
