package org.forewarn.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Produces records and waits until the broker has them, so callers report success only for stored records. */
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

	/**
	 * Produces a record for each item without waiting in between, then waits for them all (one timeout for the
	 * batch); answers the reason for each item whose record the broker did not take.
	 */
	<T> Map<T, String> sendAll(List<T> items, Function<T, ProducerRecord<String, String>> record) {
		Map<T, CompletableFuture<SendResult<String, String>>> sent = new LinkedHashMap<>();
		Map<T, String> failures = new LinkedHashMap<>();
		String topic = null;
		for (T item : items) {
			ProducerRecord<String, String> next = record.apply(item);
			topic = next.topic();
			try {
				sent.put(item, template.send(next));
			}
			catch (RuntimeException e) {
				failures.put(item, "cannot produce to " + topic + ": " + e.getMessage());
			}
		}
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		for (Map.Entry<T, CompletableFuture<SendResult<String, String>>> each : sent.entrySet()) {
			String failure = await(topic, each.getValue(), deadline);
			if (failure != null) {
				failures.put(each.getKey(), failure);
			}
		}
		return failures;
	}

	/** Null when the broker has the record by the deadline; else why not. */
	private static String await(String topic, CompletableFuture<SendResult<String, String>> sent, long deadline) {
		try {
			sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted while producing to " + topic;
		}
		catch (ExecutionException | TimeoutException e) {
			Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
			return "cannot produce to " + topic + ": " + cause.getMessage();
		}
	}
}
