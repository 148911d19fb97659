package org.forewarn.engine;

import org.forewarn.event.Event;

/**
 * Where validated events from HTTP go when another intake owns the customer lanes (the Kafka topic in production):
 * forwarding keeps one writer per customer across instances. Without such a bean HTTP events are processed here.
 */
public interface EventForwarder {

	/** Queues the event (its original JSON) for processing; answers ACCEPTED, or FAILED with the reason. */
	IntakeResult forward(Event event, String json);
}
