package org.forewarn.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.forewarn.engine.EventIntake;
import org.forewarn.health.HealthSettings;
import org.forewarn.health.ScheduledHealth;
import org.forewarn.shared.StoredSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka intake (production profile, or {@code forewarn.kafka.enabled=true}): events from the topics, bad records to
 * the dead-letter topic with their reason, transient failures retried with bounded back-off, due timers (signed) and
 * HTTP events produced back to the topic keyed by customer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("forewarn.kafka.enabled")
class KafkaIntakeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaIntakeConfiguration.class);
	/** The row in app_secret holding the generated timer key. */
	private static final String TIMER_SECRET_NAME = "kafka-timers";

	@Bean
	EventRecordListener eventRecordListener(EventIntake intake, KafkaSettings settings, TimerSignatures timers,
			ApplicationEventPublisher events) {
		log.info("Kafka intake from {}; bad records to {}", settings.topics(), settings.deadLetterTopic());
		return new EventRecordListener(intake, settings, timers, events);
	}

	/** The {@code kafka} health of the readiness group (production), checked every forewarn.health.interval. */
	@Bean(destroyMethod = "close")
	ScheduledHealth kafkaHealthIndicator(KafkaListenerEndpointRegistry registry, HealthSettings health, Clock clock) {
		KafkaConsumerHealth consumer = new KafkaConsumerHealth(registry, health.kafka(), clock);
		return ScheduledHealth.everyAfterStart("kafka", health.interval(), consumer::check);
	}

	@Bean
	TimerSignatures timerSignatures(KafkaSettings settings, JdbcClient jdbc, Clock clock) {
		String secret = settings.timerSecret().isEmpty() ? StoredSecret.named(TIMER_SECRET_NAME, jdbc, clock)
				: settings.timerSecret();
		if (settings.acceptUnsignedTimers()) {
			log.warn("forewarn.kafka.accept-unsigned-timers is on: timer records without a signature are taken as "
					+ "timers. Turn it off once every instance runs this version and the topic has been read up to "
					+ "the present (see the README, production)");
		}
		return new TimerSignatures(secret.getBytes(StandardCharsets.UTF_8), settings.acceptUnsignedTimers());
	}

	@Bean
	RecordSender recordSender(KafkaTemplate<String, String> template) {
		return new RecordSender(template);
	}

	@Bean
	KafkaWakeupDelivery kafkaWakeupDelivery(RecordSender sender, KafkaSettings settings, TimerSignatures timers) {
		return new KafkaWakeupDelivery(sender, settings, timers);
	}

	@Bean
	KafkaEventForwarder kafkaEventForwarder(RecordSender sender, KafkaSettings settings) {
		return new KafkaEventForwarder(sender, settings);
	}

	/**
	 * Replaces Spring Boot's logging listener, which logs the start of the value of a record it could not produce
	 * (personal data); whoever produced the record reports the failure too.
	 */
	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		return new ProducerListener<>() {
			@Override
			public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
				log.warn("Could not produce a record to {}: {}", record.topic(), exception.toString());
			}
		};
	}

	/** Picked up by Spring Boot's listener container factory. */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, KafkaSettings settings) {
		KafkaSettings.Retry retry = settings.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		// a transient failure is retried until it succeeds; the partition waits, keeping its customers' order
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetters(template, settings), backOff);
		handler.addNotRetryableExceptions(RejectedRecordException.class);
		handler.setRetryListeners((record, exception, attempt) -> {
			if (RejectionReason.isRejection(exception)) {
				return;
			}
			// one line per attempt; a stack trace only for a failure nobody expected, and only once
			if (attempt == 1 && !RejectionReason.isExpected(exception)) {
				log.error("Record {}-{}@{} failed unexpectedly, retrying", record.topic(), record.partition(),
						record.offset(), exception);
			}
			log.warn("Record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
					record.offset(), attempt, RejectionReason.of(exception));
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
