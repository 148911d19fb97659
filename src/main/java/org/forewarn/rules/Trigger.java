package org.forewarn.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Why the rules are evaluated now: an event, or a timer a rule asked for. Its {@code time} is "now" for the rules,
 * so rules reason in event time, live and in replay alike; {@code occurredAt} is the event's own time, earlier than
 * {@code time} only for a late event reasoned about at a later moment. A rule fact.
 */
public record Trigger(String eventId, String type, Instant time, String orderId, Map<String, Object> data,
		Instant occurredAt) {

	/** An event reasoned about at its own time. */
	public Trigger(String eventId, String type, Instant time, String orderId, Map<String, Object> data) {
		this(eventId, type, time, orderId, data, time);
	}

	public String getType() { return type; }
	public Instant getTime() { return time; }
	public String getOrderId() { return orderId; }
	public String getEventId() { return eventId; }
	public Instant getOccurredAt() { return occurredAt; }

	/** A data field as text, or null. For timers: {@code label}. */
	public String data(String field) {
		Object value = data.get(field);
		return value == null ? null : value.toString();
	}

	public boolean isTimer() {
		return "timer.fired".equals(type);
	}

	/** Hours from {@code moment} to now; negative when the moment lies ahead. */
	public double hoursSince(Instant moment) {
		return Duration.between(moment, time).toMinutes() / 60.0;
	}

	/** Hours from now until {@code moment}; negative when it is past. */
	public double hoursUntil(Instant moment) {
		return -hoursSince(moment);
	}

	public double daysSince(Instant moment) {
		return hoursSince(moment) / 24.0;
	}

	@Override
	public String toString() {
		String what = isTimer() ? "timer '" + data("label") + "'" : "event " + type + " " + eventId;
		return occurredAt.equals(time) ? what + " at " + time : what + " of " + occurredAt + ", reasoned about at " + time;
	}
}
