package org.forewarn.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.forewarn.event.Event;
import org.forewarn.event.EventType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The intake's meters by event type and outcome, each found in the registry once rather than for every event. */
final class IntakeMeters {

	private record Tags(String type, IntakeResult.Status outcome) {
	}

	private record Meters(Counter events, Timer processing) {
	}

	private final MeterRegistry registry;
	/** A few dozen at most: the event types, and "other", by outcome. */
	private final Map<Tags, Meters> found = new ConcurrentHashMap<>();

	IntakeMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(Event event, IntakeResult result, long nanos) {
		Meters meters = found.computeIfAbsent(new Tags(tag(event.type()), result.status()), this::register);
		meters.events().increment();
		meters.processing().record(Duration.ofNanos(nanos));
	}

	/** An event rejected before it reached a lane: unreadable, or its fields invalid. Counted, never timed. */
	void invalid(String type) {
		found.computeIfAbsent(new Tags(tag(type), IntakeResult.Status.REJECTED), this::register).events().increment();
	}

	/** A known type, or "other": the tag never carries a sender's text, so the series stay few. */
	private static String tag(String type) {
		return EventType.of(type).map(EventType::wireName).orElse("other");
	}

	private Meters register(Tags tags) {
		String outcome = tags.outcome().name().toLowerCase();
		return new Meters(
				Counter.builder("forewarn.events").description("Events submitted, by type and intake outcome")
					.tag("type", tags.type()).tag("outcome", outcome).register(registry),
				Timer.builder("forewarn.event.processing")
					.description("Time to process one event in its customer's lane")
					.tag("type", tags.type()).tag("outcome", outcome).register(registry));
	}
}
