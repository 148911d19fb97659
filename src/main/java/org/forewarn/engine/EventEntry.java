package org.forewarn.engine;

import org.forewarn.event.Event;
import org.forewarn.event.EventJson;
import org.forewarn.event.EventParser;
import org.forewarn.event.InvalidEventException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The front door for events arriving at this instance (HTTP, webhooks): straight into the customer's lane, or, when
 * another intake owns the lanes ({@link EventForwarder}: the Kafka topic in production), onto that intake's queue,
 * so a customer never has two writers. Such events are answered ACCEPTED when queued; duplicates are recognised
 * when they are processed.
 */
@Component
public class EventEntry {

	private final EventIntake intake;
	private final EventForwarder forwarder;

	EventEntry(EventIntake intake, ObjectProvider<EventForwarder> forwarder) {
		this.intake = intake;
		this.forwarder = forwarder.getIfAvailable();
	}

	IntakeResult enter(JsonNode node) {
		try {
			return enter(EventParser.parse(node));
		}
		catch (InvalidEventException e) {
			JsonNode id = node == null ? null : node.get("id");
			return new IntakeResult(null, id != null && id.isString() ? id.asString() : null,
					IntakeResult.Status.REJECTED, e.getMessage());
		}
	}

	public IntakeResult enter(Event event) {
		if (forwarder == null) {
			return intake.submit(event);
		}
		IntakeResult refused = intake.refusal(event);
		return refused != null ? refused : forwarder.forward(event, EventJson.toNode(event).toString());
	}
}
