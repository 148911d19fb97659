package org.forewarn.scenario;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.forewarn.outreach.Outreach;

/**
 * One outreach record a scenario expects, described by the fields that matter to it; fields left out match anything.
 * Times compare as instants (any offset), {@code statusReason} matches when the actual reason contains it.
 */
record Expectation(int line, Map<String, String> fields) {

	static final Map<String, Function<Outreach, Object>> FIELDS = fieldGetters();

	static List<String> unknownFields(Map<String, ?> given) {
		return given.keySet().stream().filter(f -> !FIELDS.containsKey(f)).toList();
	}

	boolean matches(Outreach record) {
		return fields.entrySet().stream().allMatch(e -> same(e.getKey(), e.getValue(), FIELDS.get(e.getKey())
			.apply(record)));
	}

	/** The fields a record differs in from this expectation, e.g. {@code status SCHEDULED (expected SENT)}. */
	String differences(Outreach record) {
		return fields.entrySet().stream()
			.filter(e -> !same(e.getKey(), e.getValue(), FIELDS.get(e.getKey()).apply(record)))
			.map(e -> e.getKey() + " " + FIELDS.get(e.getKey()).apply(record) + " (expected " + e.getValue() + ")")
			.collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
	}

	/** A record in the same words as an expectation, with the fields people usually check. */
	static String describe(Outreach o) {
		return "problem=" + o.problem() + (o.orderId() == null ? "" : " orderId=" + o.orderId()) + " channel="
				+ o.channel() + " template=" + o.template() + " status=" + o.status() + " sendAt=" + o.sendAt()
				+ (o.statusReason() == null || o.status().name().equals("SENT") ? ""
						: " statusReason='" + o.statusReason() + "'") + " rule='" + o.rule()
				+ "'";
	}

	/** Whether an expected value asks for an empty field: {@code none} ({@code sentAt: none}), or nothing. */
	static boolean empty(String expected) {
		return expected.isEmpty() || expected.equals("none");
	}

	private static boolean same(String field, String expected, Object actual) {
		if (actual == null) {
			return empty(expected);
		}
		if (actual instanceof Instant instant) {
			return instant.equals(instant(expected));
		}
		if (field.equals("statusReason")) {
			return actual.toString().contains(expected);
		}
		return actual.toString().equals(expected);
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static Map<String, Function<Outreach, Object>> fieldGetters() {
		Map<String, Function<Outreach, Object>> fields = new LinkedHashMap<>();
		fields.put("problem", Outreach::problem);
		fields.put("customerId", Outreach::customerId);
		fields.put("orderId", Outreach::orderId);
		fields.put("rule", Outreach::rule);
		fields.put("channel", Outreach::channel);
		fields.put("template", Outreach::template);
		fields.put("status", o -> o.status().name());
		fields.put("statusReason", Outreach::statusReason);
		fields.put("decidedAt", Outreach::decidedAt);
		fields.put("sendAt", Outreach::sendAt);
		fields.put("sentAt", Outreach::sentAt);
		return Collections.unmodifiableMap(fields);
	}
}
