package org.forewarn.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param timerSecret key that signs the timer records Forewarn produces (HMAC-SHA256); empty: one generated once and
 *     kept in the database all instances share
 * @param acceptUnsignedTimers also accept timers marked only by the old origin header (while upgrading from a
 *     version that did not sign them)
 * @param maxRecordSize records with a larger value are dead-lettered unread
 */
@ConfigurationProperties("forewarn.kafka")
public record KafkaSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("forewarn.events") List<String> topics,
		@DefaultValue("forewarn.events.DLT") String deadLetterTopic, @DefaultValue("true") boolean createTopics,
		@DefaultValue("12") int partitions, @DefaultValue Retry retry, @DefaultValue("") String timerSecret,
		@DefaultValue("false") boolean acceptUnsignedTimers, @DefaultValue("1MB") DataSize maxRecordSize) {

	/** A configured key shorter than this is refused: it could be guessed. */
	static final int MIN_SECRET_LENGTH = 32;

	public KafkaSettings {
		if (topics.isEmpty()) {
			throw new IllegalArgumentException("forewarn.kafka.topics: name at least one topic");
		}
		if (!timerSecret.isEmpty() && timerSecret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException("forewarn.kafka.timer-secret: " + timerSecret.length()
					+ " characters are too few to sign timers, use at least " + MIN_SECRET_LENGTH
					+ " random ones (or leave it empty for a key generated once and kept in the database)");
		}
		if (maxRecordSize.toBytes() <= 0) {
			throw new IllegalArgumentException("forewarn.kafka.max-record-size: must be positive, got "
					+ maxRecordSize);
		}
	}

	/** The topic Forewarn produces to itself (due timers, events posted over HTTP), keyed by customer. */
	String queueTopic() {
		return topics.get(0);
	}

	/** Like the generated one, without the timer key. */
	@Override
	public String toString() {
		return "KafkaSettings[enabled=" + enabled + ", topics=" + topics + ", deadLetterTopic=" + deadLetterTopic
				+ ", createTopics=" + createTopics + ", partitions=" + partitions + ", retry=" + retry
				+ ", timerSecret=" + (timerSecret.isEmpty() ? "(from the database)" : "(set)")
				+ ", acceptUnsignedTimers=" + acceptUnsignedTimers + ", maxRecordSize=" + maxRecordSize + "]";
	}

	/**
	 * Retries of a record that failed for a transient cause; it is retried until it succeeds, never dead-lettered.
	 *
	 * @param initialInterval wait before the first retry (at least 100ms: a failing record never spins)
	 * @param multiplier growth of the wait between retries (at least 1)
	 * @param maxInterval longest wait between retries (keep it well below max.poll.interval.ms)
	 */
	public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2") double multiplier,
			@DefaultValue("30s") Duration maxInterval) {

		static final Duration MIN_INTERVAL = Duration.ofMillis(100);

		public Retry {
			if (initialInterval.compareTo(MIN_INTERVAL) < 0) {
				throw new IllegalArgumentException("forewarn.kafka.retry.initial-interval: at least "
						+ MIN_INTERVAL.toMillis() + "ms, so a failing record is not retried in a tight loop; got "
						+ initialInterval.toMillis() + "ms");
			}
			if (multiplier < 1) {
				throw new IllegalArgumentException("forewarn.kafka.retry.multiplier: at least 1, got " + multiplier);
			}
			if (maxInterval.compareTo(initialInterval) < 0) {
				throw new IllegalArgumentException("forewarn.kafka.retry.max-interval: at least initial-interval ("
						+ initialInterval.toMillis() + "ms), got " + maxInterval.toMillis() + "ms");
			}
		}
	}
}
