package org.forewarn.engine;

import java.util.ArrayList;
import java.util.List;

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
			return rejection(node, e);
		}
	}

	private IntakeResult rejection(JsonNode node, InvalidEventException e) {
		JsonNode type = node == null ? null : node.path("type");
		intake.countInvalid(type != null && type.isString() ? type.asString() : null);
		JsonNode id = node == null ? null : node.get("id");
		return new IntakeResult(null, id != null && id.isString() ? id.asString() : null, IntakeResult.Status.REJECTED,
				e.getMessage());
	}

	/**
	 * The events of one request, answered by position as {@link #enter(JsonNode)} answers each; the valid ones are
	 * processed together (each lane its customers' share in one transaction) when this instance owns the lanes.
	 */
	List<IntakeResult> enterAll(JsonNode array) {
		IntakeResult[] results = new IntakeResult[array.size()];
		List<Event> valid = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			if (forwarder != null) {
				results[i] = enter(array.get(i));
				continue;
			}
			try {
				valid.add(EventParser.parse(array.get(i)));
				positions.add(i);
			}
			catch (InvalidEventException e) {
				results[i] = rejection(array.get(i), e);
			}
		}
		List<IntakeResult> processed = valid.isEmpty() ? List.of() : intake.submitAll(valid);
		for (int n = 0; n < processed.size(); n++) {
			results[positions.get(n)] = processed.get(n);
		}
		List<IntakeResult> answers = new ArrayList<>(results.length);
		for (int i = 0; i < results.length; i++) {
			answers.add(results[i].at(i));
		}
		return answers;
	}

	public IntakeResult enter(Event event) {
		if (forwarder == null) {
			return intake.submit(event);
		}
		IntakeResult refused = intake.refusal(event);
		return refused != null ? refused : forwarder.forward(event, EventJson.toNode(event).toString());
	}
}
