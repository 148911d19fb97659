package org.forewarn.event;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.forewarn.shared.JsonMessages;
import org.forewarn.shared.StoredTime;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns JSON into validated {@link Event}s; every rejection names the offending field. */
public final class EventParser {

	/** A name twice in one object is rejected: a reader that took the first would act on another customer or consent. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private EventParser() {
	}

	/** Parses one JSON text (a line of a file, a Kafka record value). */
	public static Event parse(String json) {
		return parse(tree(json), false);
	}

	/** Validates one already parsed JSON value, as found in an HTTP body. */
	public static Event parse(JsonNode node) {
		return parse(node, false);
	}

	/**
	 * Parses an event the engine raised itself and sent through a queue (a timer on its way to the customer's lane);
	 * the same checks, but {@code timer.fired} is allowed.
	 */
	public static Event parseInternal(String json) {
		return parse(tree(json), true);
	}

	private static JsonNode tree(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException e) {
			throw notJson(e);
		}
	}

	/** An HTTP body (one event or an array) read as intake reads every event: a name twice in an object is invalid. */
	public static JsonNode tree(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw notJson(e);
		}
	}

	private static InvalidEventException notJson(JacksonException e) {
		return new InvalidEventException("event", "not valid JSON (" + JsonMessages.plain(e) + ")");
	}

	private static Event parse(JsonNode node, boolean internal) {
		if (node == null || !node.isObject()) {
			throw new InvalidEventException("event", "must be a JSON object");
		}
		String id = requiredText(node, "id");
		EventLimits.checkId("id", id);
		if (!internal) {
			EventLimits.checkExternalId(id);
		}
		String typeName = requiredText(node, "type");
		EventType type = EventType.of(typeName)
			.filter(t -> internal || t != EventType.TIMER_FIRED)
			.orElseThrow(() -> new InvalidEventException("type", "unknown event type '" + typeName + "'"));
		// kept to the microsecond, as the database keeps times: work due at the event's time stays due at it once stored
		OffsetDateTime time = time("time", requiredText(node, "time"), internal).truncatedTo(StoredTime.PRECISION);
		String customerId = requiredText(node, "customerId");
		EventLimits.checkId("customerId", customerId);
		String orderId = optionalText(node, "orderId");
		if (orderId != null) {
			EventLimits.checkId("orderId", orderId);
		}
		if (orderId == null && type.needsOrderId()) {
			throw new InvalidEventException("orderId", "required for " + typeName + " events");
		}
		JsonNode data = node.get("data");
		if (data == null || data.isNull()) {
			data = JsonNodeFactory.instance.objectNode();
		}
		else if (!data.isObject()) {
			throw new InvalidEventException("data", "must be a JSON object");
		}
		checkData(type, data, internal);
		// read back, an event stored before phones, emails, locales and zones were checked keeps its place in the history
		if (!internal && type == EventType.CUSTOMER_UPDATED && data.path("phone").isString()) {
			EventLimits.checkPhone("data.phone", data.get("phone").asString());
		}
		if (!internal && type == EventType.CUSTOMER_UPDATED && data.path("email").isString()) {
			EventLimits.checkEmail("data.email", data.get("email").asString());
		}
		if (!internal && type == EventType.CUSTOMER_UPDATED && data.path("locale").isString()) {
			EventLimits.checkLocale("data.locale", data.get("locale").asString());
		}
		if (!internal && type == EventType.CUSTOMER_UPDATED && data.path("timeZone").isString()) {
			EventLimits.checkTimeZoneRegion("data.timeZone", data.get("timeZone").asString());
		}
		EventLimits.checkDataSize(data);
		EventLimits.checkDataShape("data", data, 1);
		return new Event(id, typeName, time, customerId, orderId, data);
	}

	/** Builds an event the engine raises itself (timers), bypassing the external catalogue check. */
	public static Event internal(String id, EventType type, OffsetDateTime time, String customerId, String orderId,
			JsonNode data) {
		return new Event(id, type.wireName(), time, customerId, orderId, data);
	}

	private static void checkData(EventType type, JsonNode data, boolean internal) {
		for (String required : type.requiredData()) {
			JsonNode value = data.get(required);
			if (value == null || value.isNull()) {
				throw new InvalidEventException("data." + required, "required for " + type.wireName() + " events");
			}
		}
		for (Map.Entry<String, FieldKind> field : type.fields().entrySet()) {
			JsonNode value = data.get(field.getKey());
			if (value != null && !value.isNull()) {
				checkKind("data." + field.getKey(), field.getValue(), value, internal);
				if (field.getValue() == FieldKind.TEXT) {
					EventLimits.checkText("data." + field.getKey(), field.getKey(), value.asString());
				}
				else if (field.getValue() == FieldKind.NUMBER) {
					EventLimits.checkNumber("data." + field.getKey(), value);
				}
			}
		}
		if (type == EventType.ACCOUNT_FEEDBACK) {
			EventLimits.checkScore(data.get("score"), data.get("scale"));
		}
		if (type == EventType.CUSTOMER_UPDATED && data.has("consent")) {
			for (String channel : new String[] { "email", "sms" }) {
				JsonNode consent = data.get("consent").get(channel);
				if (consent != null && !consent.isNull()) {
					checkKind("data.consent." + channel, FieldKind.BOOLEAN, consent, internal);
				}
			}
		}
	}

	private static void checkKind(String field, FieldKind kind, JsonNode value, boolean internal) {
		boolean ok = switch (kind) {
			case TEXT -> value.isString();
			case NUMBER -> value.isNumber();
			case BOOLEAN -> value.isBoolean();
			case OBJECT -> value.isObject();
			case TIME -> value.isString() && time(field, value.asString(), internal) != null;
		};
		if (!ok) {
			throw new InvalidEventException(field, "expected " + kind.name().toLowerCase() + ", got " + value);
		}
	}

	private static OffsetDateTime time(String field, String text, boolean internal) {
		// a time from outside is held to RFC 3339; one the engine stored or raised is read as it always was
		String problem = internal ? null : Rfc3339.problem(text);
		if (problem != null) {
			throw new InvalidEventException(field, "'" + text + "' is not an RFC 3339 time with offset: " + problem
					+ ", e.g. 2017-10-02T10:56:33-03:00");
		}
		try {
			OffsetDateTime time = OffsetTimes.parse(text);
			EventLimits.checkTime(field, time);
			return time;
		}
		catch (DateTimeParseException e) {
			throw new InvalidEventException(field,
					"'" + text + "' is not an RFC 3339 time with offset, e.g. 2017-10-02T10:56:33-03:00");
		}
	}

	private static String requiredText(JsonNode node, String field) {
		String value = optionalText(node, field);
		if (value == null) {
			throw new InvalidEventException(field, "required");
		}
		return value;
	}

	private static String optionalText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.asString().isBlank()) {
			throw new InvalidEventException(field, "must be a non-empty string, got " + value);
		}
		return value.asString();
	}
}
