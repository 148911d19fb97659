package org.forewarn.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.forewarn.engine.EventIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka intake (production profile, or {@code forewarn.kafka.enabled=true}): events from the topics, bad records to
 * the dead-letter topic with their reason, transient failures retried with back-off, due timers and HTTP events
 * produced back to the topic keyed by customer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("forewarn.kafka.enabled")
class KafkaIntakeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaIntakeConfiguration.class);

	@Bean
	EventRecordListener eventRecordListener(EventIntake intake, KafkaSettings settings,
			ApplicationEventPublisher events) {
		log.info("Kafka intake from {}; bad records to {}", settings.topics(), settings.deadLetterTopic());
		return new EventRecordListener(intake, settings, events);
	}

	@Bean
	RecordSender recordSender(KafkaTemplate<String, String> template) {
		return new RecordSender(template);
	}

	@Bean
	KafkaWakeupDelivery kafkaWakeupDelivery(RecordSender sender, KafkaSettings settings) {
		return new KafkaWakeupDelivery(sender, settings);
	}

	@Bean
	KafkaEventForwarder kafkaEventForwarder(RecordSender sender, KafkaSettings settings) {
		return new KafkaEventForwarder(sender, settings);
	}

	/** Picked up by Spring Boot's listener container factory. */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, KafkaSettings settings) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				// no partition: the key picks it, so the dead-letter topic may have any number of partitions
				(record, exception) -> new TopicPartition(settings.deadLetterTopic(), -1));
		deadLetters.addHeadersFunction((record, exception) -> {
			String reason = RejectionReason.of(exception);
			log.warn("Record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(),
					settings.deadLetterTopic(), reason);
			RecordHeaders headers = new RecordHeaders();
			headers.add(ForewarnHeaders.REJECTION_REASON, reason.getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		KafkaSettings.Retry retry = settings.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		// a transient failure is retried until it succeeds; the partition waits, keeping its customers' order
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(RejectedRecordException.class);
		handler.setRetryListeners((record, exception, attempt) -> {
			if (!RejectionReason.isRejection(exception)) {
				log.warn("Record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
						record.offset(), attempt, RejectionReason.of(exception));
			}
		});
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics forewarnTopics(KafkaSettings settings) {
		if (!settings.createTopics()) {
			return new KafkaAdmin.NewTopics();
		}
		// replication: the broker's default
		return new KafkaAdmin.NewTopics(Stream.concat(settings.topics().stream(), Stream.of(settings.deadLetterTopic()))
			.map(name -> new NewTopic(name, Optional.of(settings.partitions()), Optional.empty()))
			.toArray(NewTopic[]::new));
	}
}
