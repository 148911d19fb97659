package org.forewarn.event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The contract's JSON form of an event, for storage and timelines. */
public final class EventJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EventJson() {
	}

	public static ObjectNode toNode(Event event) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", event.id());
		node.put("type", event.type());
		node.put("time", event.time().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		node.put("customerId", event.customerId());
		if (event.orderId() != null) {
			node.put("orderId", event.orderId());
		}
		node.set("data", event.data());
		return node;
	}

	static String write(Event event) {
		return JSON.writeValueAsString(toNode(event));
	}

	static Event read(String json) {
		JsonNode node = JSON.readTree(json);
		EventType type = EventType.of(node.get("type").asString()).orElseThrow();
		return EventParser.internal(node.get("id").asString(), type,
				java.time.OffsetDateTime.parse(node.get("time").asString()), node.get("customerId").asString(),
				node.hasNonNull("orderId") ? node.get("orderId").asString() : null, node.get("data"));
	}
}
