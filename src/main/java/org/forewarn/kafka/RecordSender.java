package org.forewarn.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Produces a record and waits until the broker has it, so callers report success only for stored records. */
class RecordSender {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTemplate<String, String> template;

	RecordSender(KafkaTemplate<String, String> template) {
		this.template = template;
	}

	void send(ProducerRecord<String, String> record) {
		try {
			template.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while producing to " + record.topic(), e);
		}
		catch (ExecutionException | TimeoutException e) {
			Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
			throw new IllegalStateException("cannot produce to " + record.topic() + ": " + cause.getMessage(), cause);
		}
	}
}
