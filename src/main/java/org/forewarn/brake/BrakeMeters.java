package org.forewarn.brake;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the brake holds back: {@code forewarn.brake.held} counts outreach held, by {@code kind} ({@code paused},
 * {@code ceiling}, {@code rate}) and {@code channel}; {@code forewarn.brake.pauses} is the pauses in force as this
 * instance last read them. Tags stay few: never a rule, customer or outreach id.
 */
@Component
public class BrakeMeters {

	private final MeterRegistry registry;
	private final AtomicInteger pauses = new AtomicInteger();

	BrakeMeters(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("forewarn.brake.pauses", pauses, AtomicInteger::get)
			.description("Pauses in force, as this instance last read them").register(registry);
	}

	/** One outreach held: {@code kind} paused, ceiling or rate. */
	public void held(String kind, String channel) {
		Counter.builder("forewarn.brake.held").description("Outreach held back by the brake, by kind and channel")
			.tag("kind", kind).tag("channel", String.valueOf(channel)).register(registry).increment();
	}

	void pausesInForce(int count) {
		pauses.set(count);
	}
}
