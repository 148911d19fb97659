package org.forewarn.privacy;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

import org.forewarn.shared.ContactText;
import org.forewarn.shared.PhoneNumbers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is left of stored text once its personal data is gone. Event payloads keep their envelope (id, type, time,
 * customer and order id) and only the data fields listed here, which outcome figures and timelines need and which
 * name nobody; everything else (email, phone, name, comments, descriptions, reasons, unknown fields) goes. Status
 * reasons lose the notes people typed and anything that looks like an email address or phone number.
 */
final class PersonalText {

	/** Data fields a pruned event keeps: codes, numbers, times and flags, never free text or contact details. */
	static final Set<String> KEPT_DATA_FIELDS = Set.of("score", "scale", "direction", "from", "to", "metric", "value",
			"code", "hard", "total", "currency", "shipBy", "promisedBy", "estimatedDelivery", "destinationRegion",
			"carrier", "status", "orderId", "ticketId", "consent", "locale", "timeZone", "region", "segment", "label",
			"dueAt");

	static final String ERASED = "[erased]";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** "resolved by lea: called her at home" keeps "resolved by lea": the note is free text about a person. */
	private static final Pattern NOTE = Pattern.compile(
			"^((?:claimed|resolved|dismissed|approved|rejected) by [^:]*): .*$", Pattern.DOTALL);

	private PersonalText() {
	}

	/** The payload with only the envelope and {@link #KEPT_DATA_FIELDS} (retention). */
	static String withoutPersonalData(String payload) {
		ObjectNode event = (ObjectNode) JSON.readTree(payload);
		ObjectNode kept = JSON.createObjectNode();
		JsonNode data = event.get("data");
		if (data != null && data.isObject()) {
			for (String field : KEPT_DATA_FIELDS) {
				if (data.has(field)) {
					kept.set(field, data.get(field));
				}
			}
		}
		event.set("data", kept);
		return JSON.writeValueAsString(event);
	}

	/** The payload with its envelope only (erasure: nothing of the data stays). */
	static String envelopeOnly(String payload) {
		ObjectNode event = (ObjectNode) JSON.readTree(payload);
		event.set("data", JSON.createObjectNode());
		return JSON.writeValueAsString(event);
	}

	/**
	 * A status reason without typed notes, email addresses and phone numbers, and without any of {@code known} (the
	 * customer's own email, phone and name, when erasing). Null stays null.
	 */
	static String scrub(String reason, Collection<String> known) {
		if (reason == null) {
			return null;
		}
		return ContactText.without(NOTE.matcher(reason).replaceAll("$1"), known, ERASED);
	}

	/** The contact details a {@code customer.updated} payload or a stored state names (email, phone, name). */
	static void collectContact(JsonNode node, Collection<String> into) {
		if (node == null || !node.isObject()) {
			return;
		}
		for (String field : new String[] { "email", "phone", "name" }) {
			JsonNode value = node.get(field);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				into.add(value.asString());
				if (field.equals("phone")) {
					PhoneNumbers.e164(value.asString()).ifPresent(into::add); // as the state and its index keep it
				}
			}
		}
	}

	static JsonNode read(String json) {
		return JSON.readTree(json);
	}
}
