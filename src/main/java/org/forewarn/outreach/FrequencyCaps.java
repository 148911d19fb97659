package org.forewarn.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Most messages per customer and channel, per calendar day and per week (that day and the six before it), counted
 * in the customer's own zone over what actually went out, by sent time. A record that may have gone out (FAILED
 * "uncertain" or "interrupted") carries its attempt's start as sent time, so it counts too: if it reached the
 * customer, it did then.
 */
@Component
class FrequencyCaps {

	static final String REASON = "frequency cap";

	private static final Pattern PART = Pattern.compile("\\s*(\\d+)\\s+per\\s+(day|week)\\s*");

	/** At most {@code perDay} and {@code perWeek} sends; 0 means no limit. */
	record Cap(int perDay, int perWeek) {
	}

	private final OutreachStore outreach;
	private final boolean enabled;
	private final Map<String, Cap> caps;

	FrequencyCaps(OutreachStore outreach, GuardrailSettings settings) {
		this.outreach = outreach;
		GuardrailSettings.Caps c = settings.caps();
		this.enabled = c.enabled();
		this.caps = Map.of("email", parse("forewarn.guardrails.caps.email", c.email()),
				"sms", parse("forewarn.guardrails.caps.sms", c.sms()),
				"task", parse("forewarn.guardrails.caps.task", c.task()));
	}

	static Cap parse(String setting, String text) {
		if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
			return new Cap(0, 0);
		}
		int perDay = 0;
		int perWeek = 0;
		for (String part : text.split(",")) {
			Matcher m = PART.matcher(part);
			if (!m.matches()) {
				throw new IllegalArgumentException(setting + ": '" + text
						+ "' is not a cap like '2 per day, 5 per week' (or 'none')");
			}
			if (m.group(2).equals("day")) {
				perDay = Integer.parseInt(m.group(1));
			}
			else {
				perWeek = Integer.parseInt(m.group(1));
			}
		}
		return new Cap(perDay, perWeek);
	}

	/** True when one more message on the channel at {@code now} would break the customer's cap. */
	boolean reached(String customerId, String channel, ZoneId zone, Instant now) {
		Cap cap = caps.get(channel);
		if (!enabled || cap == null || cap.perDay() == 0 && cap.perWeek() == 0) {
			return false;
		}
		LocalDate today = now.atZone(zone).toLocalDate();
		OutreachStore.SentCounts sent = outreach.countSent(customerId, channel,
				today.minusDays(6).atStartOfDay(zone).toInstant(), today.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant());
		return cap.perDay() > 0 && sent.day() >= cap.perDay() || cap.perWeek() > 0 && sent.week() >= cap.perWeek();
	}

	/** The start of the customer's next day, when a capped send that waits is looked at again. */
	static Instant nextDay(ZoneId zone, Instant now) {
		return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
	}
}
