package org.forewarn.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.forewarn.shared.EmailAddresses;
import org.forewarn.shared.PhoneNumbers;

import tools.jackson.databind.JsonNode;

/**
 * Bounds on what one event may carry, so that no input can grow a customer's stored state without limit or make
 * it unreadable. Every violation names the field and the limit.
 */
final class EventLimits {

	/** Event, customer and order ids, and id-like data fields. */
	static final int MAX_ID = 128;
	/** Text fields of {@code data} not listed below. */
	static final int MAX_TEXT = 200;
	/** The whole {@code data} object as JSON, unknown fields included. */
	static final int MAX_DATA = 16_384;
	/** Levels of objects and arrays in {@code data}, itself the first: deeper ones cannot be written back out. */
	static final int MAX_DATA_DEPTH = 32;
	/** Reserved for the ids of events Forewarn raises itself (timers). */
	static final String RESERVED_PREFIX = "timer-";

	private static final Map<String, Integer> TEXT_LIMITS = Map.of("email", 254, "phone", 32, "name", 200,
			"description", 2_000, "comment", 2_000, "reason", 1_000, "subject", 1_000);
	/** Fields of {@code data} held to what an id is held to. */
	private static final Set<String> ID_LIKE = Set.of("ticketId", "orderId", "trackingNumber");

	/** Fields of the catalogue that take one of a few values. */
	private static final Map<String, List<String>> CHOICES = Map.of("scale", List.of("csat5", "nps10"), "direction",
			List.of("upgrade", "downgrade"));

	/** The IANA region ids: {@link ZoneId#of} also takes offsets ({@code +03:00}, {@code UTC+3}), which have no DST. */
	private static final Set<String> IANA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

	/** Times outside these years are typos or attacks, and would overflow date arithmetic in rules. */
	private static final int FIRST_YEAR = 1900;
	private static final int LAST_YEAR = 2199;

	private EventLimits() {
	}

	static void checkId(String field, String value) {
		checkLength(field, value, MAX_ID);
		for (int i = 0; i < value.length(); i++) {
			if (breaksText(value.charAt(i))) {
				throw new InvalidEventException(field, "must not contain control characters or line breaks (position "
						+ i + ")");
			}
		}
		checkUnicode(field, value);
	}

	/** An id is shown in a subject, a task title, a log line: one of these would cut it there. */
	private static boolean breaksText(char c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
	}

	/**
	 * Half of a surrogate pair alone (sent as a JSON escape for U+D800 to U+DFFF) is no character: a database stores
	 * it as '?', so two different ids would become one.
	 */
	static void checkUnicode(String field, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidEventException(field, "not valid Unicode: half of a surrogate pair alone at position "
						+ i);
			}
		}
	}

	static void checkExternalId(String id) {
		if (id.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
			throw new InvalidEventException("id", "the prefix '" + RESERVED_PREFIX
					+ "' is reserved for Forewarn's own timers; use another id");
		}
	}

	static void checkText(String field, String name, String value) {
		if (ID_LIKE.contains(name)) {
			checkId(field, value);
			return;
		}
		checkLength(field, value, TEXT_LIMITS.getOrDefault(name, MAX_TEXT));
		List<String> choices = CHOICES.get(name);
		if (choices != null && !choices.contains(value)) {
			throw new InvalidEventException(field, "'" + value + "' is not one of " + String.join(", ", choices));
		}
		if ("timeZone".equals(name)) {
			try {
				ZoneId.of(value);
			}
			catch (DateTimeException e) {
				throw new InvalidEventException(field, "'" + value + "' is not an IANA time zone such as "
						+ "America/Sao_Paulo");
			}
		}
	}

	/** A phone must read as E.164; a blank one says the customer has none. */
	static void checkPhone(String field, String value) {
		if (!value.isBlank() && PhoneNumbers.e164(value).isEmpty()) {
			throw new InvalidEventException(field, "not " + PhoneNumbers.EXPECTED);
		}
	}

	/**
	 * A locale must be a BCP 47 tag: {@code pt_BR} or {@code Portuguese} would silently choose the fallback language
	 * of the templates. Case is free ({@code PT-br}); a blank one says the customer has none.
	 */
	static void checkLocale(String field, String value) {
		if (value.isBlank()) {
			return;
		}
		try {
			new Locale.Builder().setLanguageTag(value);
		}
		catch (IllformedLocaleException e) {
			throw new InvalidEventException(field, "'" + value + "' is not a BCP 47 language tag such as pt-BR or en"
					+ (value.contains("_") ? " (write '" + value.replace('_', '-') + "': a dash, not an underscore)" : ""));
		}
	}

	/** A time zone must be an IANA region, whose rules know daylight saving time: an offset is no zone. */
	static void checkTimeZoneRegion(String field, String value) {
		if (!IANA_ZONES.contains(value)) {
			throw new InvalidEventException(field, "'" + value + "' is not an IANA time zone such as "
					+ "America/Sao_Paulo (an offset such as +03:00 or UTC+3 is none)");
		}
	}

	/**
	 * An email must be one that mail can go to ({@link EmailAddresses}, permissive); spaces around it are let be, as
	 * the send drops them; a blank one says the customer has none.
	 */
	static void checkEmail(String field, String value) {
		String problem = value.isBlank() ? null : EmailAddresses.problem(value.replaceAll("^ +| +$", ""));
		if (problem != null) {
			throw new InvalidEventException(field, "not " + EmailAddresses.EXPECTED + ": " + problem);
		}
	}

	static void checkNumber(String field, JsonNode value) {
		if (!Double.isFinite(value.asDouble())) {
			throw new InvalidEventException(field, "must be a finite number, got " + value);
		}
	}

	static void checkTime(String field, OffsetDateTime time) {
		if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
			throw new InvalidEventException(field, "year " + time.getYear() + " is outside " + FIRST_YEAR + "-"
					+ LAST_YEAR);
		}
	}

	static void checkDataSize(JsonNode data) {
		String json = data.toString();
		int size = json.codePointCount(0, json.length());
		if (size > MAX_DATA) {
			throw new InvalidEventException("data", size + " characters of JSON, more than the limit of " + MAX_DATA
					+ " (unknown fields included)");
		}
	}

	/** Nesting and Unicode of the whole {@code data}, unknown fields and names included; {@code depth} of this node. */
	static void checkDataShape(String field, JsonNode node, int depth) {
		if (node.isString()) {
			checkUnicode(field, node.asString());
		}
		if (!node.isContainer()) {
			return;
		}
		if (depth > MAX_DATA_DEPTH) {
			throw new InvalidEventException("data", "nested more than " + MAX_DATA_DEPTH
					+ " levels of objects and arrays deep (at " + field + ")");
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkDataShape(field + "[" + i + "]", node.get(i), depth + 1);
			}
			return;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			checkUnicode(field + " (a name in it)", entry.getKey());
			checkDataShape(field + "." + entry.getKey(), entry.getValue(), depth + 1);
		}
	}

	/** A rating within its scale: 1-5 on {@code csat5} (the default), 0-10 on {@code nps10}. */
	static void checkScore(JsonNode score, JsonNode scale) {
		boolean nps = scale != null && "nps10".equals(scale.asString(null));
		double value = score.asDouble();
		if (nps ? value < 0 || value > 10 : value < 1 || value > 5) {
			throw new InvalidEventException("data.score", score + " is outside " + (nps ? "0-10 on nps10" : "1-5 on "
					+ "csat5") + (scale == null || scale.isNull() ? " (the scale when none is given)" : ""));
		}
	}

	/** Characters are counted as people count them: an emoji is one, not the two UTF-16 units Java holds it in. */
	private static void checkLength(String field, String value, int max) {
		int characters = value.codePointCount(0, value.length());
		if (characters > max) {
			throw new InvalidEventException(field, characters + " characters, more than the limit of " + max);
		}
	}
}
