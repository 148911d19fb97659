package org.forewarn.event;

import java.time.Instant;
import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/** One validated event (CONTRACT section 1); {@code data} is always an object, possibly empty. */
public record Event(String id, String type, OffsetDateTime time, String customerId, String orderId, JsonNode data) {

	public Instant instant() {
		return time.toInstant();
	}

	/** Text of a data field, or null when absent. */
	public String text(String field) {
		JsonNode node = data.get(field);
		return node == null || node.isNull() ? null : node.asString();
	}

	/** A data field holding an RFC 3339 time (already validated by the parser), or null. */
	public Instant instant(String field) {
		String value = text(field);
		return value == null ? null : OffsetTimes.parse(value).toInstant();
	}

	public Boolean bool(String field) {
		JsonNode node = data.get(field);
		return node == null || node.isNull() ? null : node.asBoolean();
	}

	public Double number(String field) {
		JsonNode node = data.get(field);
		return node == null || node.isNull() ? null : node.asDouble();
	}
}
