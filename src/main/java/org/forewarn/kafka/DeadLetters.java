package org.forewarn.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.KafkaBackoffException;

/**
 * Copies a record that will never be accepted to the dead-letter topic with its reason, so the records after it go
 * on. A value over the size limit is left out of the copy (the original stays on its topic, named in the headers).
 * If the copy cannot be published (the dead-letter topic unavailable), the record is tried again after a pause that
 * grows up to the retry settings' longest wait, never in a tight loop.
 */
class DeadLetters extends DeadLetterPublishingRecoverer {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final KafkaSettings settings;
	/** Failed publications in a row on this consumer thread. */
	private final ThreadLocal<Integer> failures = ThreadLocal.withInitial(() -> 0);

	DeadLetters(KafkaOperations<?, ?> template, KafkaSettings settings) {
		// no partition: the key picks it, so the dead-letter topic may have any number of partitions
		super(template, (record, exception) -> new TopicPartition(settings.deadLetterTopic(), -1));
		this.settings = settings;
		// the reason says what is wrong; a stack trace would only make every copy kilobytes larger
		excludeHeader(HeaderNames.HeadersToAdd.EX_STACKTRACE);
		addHeadersFunction((record, exception) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(ForewarnHeaders.REJECTION_REASON,
					RejectionReason.of(exception).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		String leftOut;
		try {
			leftOut = record.serializedValueSize() > settings.maxRecordSize().toBytes()
					? publishWithoutValue(record, "over forewarn.kafka.max-record-size", consumer, exception)
					: publishWhole(record, consumer, exception);
		}
		catch (RuntimeException e) {
			pauseAfter(record, e);
			// a back-off to the error handler: it seeks back to the record without logging a stack trace (the
			// cause is in the line above)
			throw new KafkaBackoffException("could not copy to " + settings.deadLetterTopic() + ": "
					+ RejectionReason.of(e), new TopicPartition(record.topic(), record.partition()),
					EventRecordListener.ID, System.currentTimeMillis());
		}
		failures.remove();
		log.warn("Record {}-{}@{} goes to {}{}: {}", record.topic(), record.partition(), record.offset(),
				settings.deadLetterTopic(), leftOut == null ? "" : " without its value (" + leftOut + ")",
				RejectionReason.of(exception));
	}

	/** Publishes the copy with the value, or without it when it is too large for the topic: then says why. */
	private String publishWhole(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		try {
			super.accept(record, consumer, exception);
			return null;
		}
		catch (RuntimeException e) {
			if (!causedBy(e, RecordTooLargeException.class)) {
				throw e;
			}
			return publishWithoutValue(record, "too large for " + settings.deadLetterTopic(), consumer, exception);
		}
	}

	private String publishWithoutValue(ConsumerRecord<?, ?> record, String why, Consumer<?, ?> consumer,
			Exception exception) {
		super.accept(withoutValue(record, why), consumer, exception);
		return why;
	}

	/** Sends and waits for the broker's answer; a failure is reported once, by {@link #pauseAfter}. */
	@Override
	protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> template,
			ConsumerRecord<?, ?> inRecord) {
		verifySendResult(template, outRecord, template.send(outRecord), inRecord);
	}

	/** The record with its value left out, and a header saying so and where the original is. */
	private static ConsumerRecord<?, ?> withoutValue(ConsumerRecord<?, ?> record, String why) {
		RecordHeaders headers = new RecordHeaders(record.headers().toArray());
		headers.add(ForewarnHeaders.VALUE_LEFT_OUT, (record.serializedValueSize() + " bytes, " + why
				+ "; the original is " + record.topic() + "-" + record.partition() + "@" + record.offset())
			.getBytes(StandardCharsets.UTF_8));
		return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.timestampType(), record.serializedKeySize(), -1, record.key(), null, headers,
				Optional.empty());
	}

	private void pauseAfter(ConsumerRecord<?, ?> record, RuntimeException e) {
		int attempt = failures.get() + 1;
		failures.set(attempt);
		KafkaSettings.Retry retry = settings.retry();
		double millis = retry.initialInterval().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
		Duration pause = Duration.ofMillis((long) Math.min(millis, retry.maxInterval().toMillis()));
		log.warn("Record {}-{}@{} could not be copied to {} (attempt {}), trying again in {} ms: {}", record.topic(),
				record.partition(), record.offset(), settings.deadLetterTopic(), attempt, pause.toMillis(),
				RejectionReason.of(e));
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}
}
