package org.forewarn.outreach;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Retries and fallbacks as meters. Tags are channels, provider codes and statuses: few values each, never an id.
 */
@Component
class OutreachMeters {

	private final MeterRegistry meters;

	OutreachMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A transient failure: retried later ({@code scheduled}) or out of attempts ({@code gave_up}). */
	void retry(String channel, String code, boolean scheduled) {
		Counter.builder("forewarn.outreach.retries")
			.description("Transient send failures, by channel, provider code and whether another attempt was planned")
			.tag("channel", String.valueOf(channel)).tag("code", code == null ? "none" : code)
			.tag("outcome", scheduled ? "scheduled" : "gave_up")
			.register(meters).increment();
	}

	/**
	 * A record that failed for good or was refused was looked at for its fallback: {@code to} is the channel of the
	 * new record, or {@code none} when the chain ends (or a guardrail kept the new one from being created).
	 */
	void fallback(String from, String to, OutreachStatus reason) {
		Counter.builder("forewarn.outreach.fallbacks")
			.description("Fallbacks for outreach that failed or was refused, by channel from and to, and status")
			.tag("from", String.valueOf(from)).tag("to", to == null ? "none" : to)
			.tag("reason", reason.name().toLowerCase())
			.register(meters).increment();
	}
}
