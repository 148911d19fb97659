package org.forewarn.webhook;

import java.time.Clock;
import java.time.ZoneOffset;

import org.forewarn.engine.EventEntry;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A consent change from outside (an SMS keyword, an unsubscribe link) enters as a {@code customer.updated} event in
 * the customer's lane (through the topic, when Kafka owns the lanes), like any other: customer state keeps one
 * writer, and the change is on the timeline.
 */
@Component
class ConsentEvents {

	private final EventEntry entry;
	private final Clock clock;

	ConsentEvents(EventEntry entry, Clock clock) {
		this.entry = entry;
		this.clock = clock;
	}

	/** {@code eventId} makes a repeated webhook call a duplicate rather than a second change. */
	IntakeResult change(String eventId, String customerId, String channel, boolean allowed, String source) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.putObject("consent").put(channel, allowed);
		data.put("source", source);
		return entry.enter(EventParser.internal(eventId, EventType.CUSTOMER_UPDATED,
				clock.instant().atOffset(ZoneOffset.UTC), customerId, null, data));
	}
}
