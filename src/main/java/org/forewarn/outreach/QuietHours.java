package org.forewarn.outreach;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Quiet hours per channel in the customer's own zone, and business hours for follow-up tasks. A send due in them
 * moves to the next allowed minute; a send with a deadline that this would miss moves earlier instead, to the last
 * allowed minute before the quiet hours, when that is not already past.
 */
@Component
class QuietHours {

	static final String QUIET = "quiet hours";
	static final String QUIET_EARLIER = "quiet hours: moved earlier to meet its deadline";
	static final String OUTSIDE_BUSINESS_HOURS = "outside business hours";

	/** Where a send lands: {@code at}, and why it moved ({@code reason} null when it did not). */
	record Placement(Instant at, String reason) {
	}

	private final boolean enabled;
	private final SilentWindow sms;
	private final SilentWindow email;
	private final SilentWindow task;
	private final ZoneId taskZone;

	QuietHours(GuardrailSettings settings) {
		GuardrailSettings.QuietHours quiet = settings.quietHours();
		GuardrailSettings.BusinessHours business = settings.businessHours();
		this.enabled = quiet.enabled();
		this.sms = SilentWindow.quiet("forewarn.guardrails.quiet-hours.sms", quiet.sms());
		this.email = SilentWindow.quiet("forewarn.guardrails.quiet-hours.email", quiet.email());
		this.task = SilentWindow.openOnly("forewarn.guardrails.business-hours.hours", business.hours(),
				business.days());
		this.taskZone = taskZone(business.zone());
	}

	/**
	 * Where a send due at {@code due} lands for a customer in {@code customerZone}. With a {@code deadline}, a send
	 * the quiet hours would push past it goes out at the last allowed minute before them instead, unless that lies
	 * before {@code notBefore}.
	 */
	Placement place(String channel, ZoneId customerZone, Instant due, Instant deadline, Instant notBefore) {
		SilentWindow window = window(channel);
		if (!enabled || window == null) {
			return new Placement(due, null);
		}
		ZoneId zone = "task".equals(channel) && taskZone != null ? taskZone : customerZone;
		if (window.allows(due, zone)) {
			return new Placement(due, null);
		}
		String reason = "task".equals(channel) ? OUTSIDE_BUSINESS_HOURS : QUIET;
		Instant next = window.nextAllowed(due, zone);
		if (deadline != null && (next == null || next.isAfter(deadline))) {
			Instant earlier = window.lastAllowedBefore(due, zone);
			if (earlier != null && !earlier.isBefore(notBefore)) {
				return new Placement(earlier, QUIET_EARLIER);
			}
		}
		return new Placement(next == null ? due : next, reason);
	}

	private SilentWindow window(String channel) {
		return switch (channel) {
			case "sms" -> sms;
			case "email" -> email;
			case "task" -> task;
			default -> null;
		};
	}

	/** The zone of {@code forewarn.guardrails.business-hours.zone}; null when empty (the customer's own zone). */
	static ZoneId taskZone(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(id);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("forewarn.guardrails.business-hours.zone: '" + id
					+ "' is not a time zone like America/Sao_Paulo");
		}
	}
}
