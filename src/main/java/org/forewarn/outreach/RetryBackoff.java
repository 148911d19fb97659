package org.forewarn.outreach;

import java.time.Duration;
import java.util.SplittableRandom;

import org.springframework.stereotype.Component;

/**
 * How long to wait before the next attempt: exponential backoff ({@code firstDelay * multiplier^(n-1)}, at most
 * {@code maxDelay}) with jitter. The jitter is drawn from the record id and attempt number, so it spreads retries of
 * different records apart while a replay of the same history still waits exactly as long.
 */
@Component
class RetryBackoff {

	private final DeliverySettings.Retry retry;

	RetryBackoff(DeliverySettings settings) {
		this.retry = settings.retry();
	}

	int maxAttempts() {
		return Math.max(1, retry.maxAttempts());
	}

	/** The wait after failed attempt number {@code attempt} (1 for the first). */
	Duration after(String outreachId, int attempt) {
		double base = retry.firstDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempt - 1));
		double capped = Math.min(base, retry.maxDelay().toMillis());
		double spread = new SplittableRandom((outreachId + "#" + attempt).hashCode()).nextDouble(-1, 1);
		long millis = Math.round(capped * (1 + retry.jitter() * spread));
		return Duration.ofMillis(Math.max(1000, millis));
	}
}
