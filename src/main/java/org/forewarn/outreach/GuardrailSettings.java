package org.forewarn.outreach;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Guardrails on automatic outreach ({@code forewarn.guardrails.*}). Hours, zones and caps are read when bound, as the
 * guardrails read them, so that a value they cannot use stops the start and {@code validate}, naming the setting,
 * rather than the first send.
 *
 * @param quietHours hours in the customer's own day when a channel stays silent
 * @param businessHours when follow-up tasks are opened for people
 * @param caps most messages per customer and channel, per calendar day and per week in the customer's zone
 * @param openTicket problems whose outreach is held back while the customer has an open support ticket
 * @param review how long outreach waits for a person's approval
 */
@ConfigurationProperties("forewarn.guardrails")
public record GuardrailSettings(@DefaultValue QuietHours quietHours, @DefaultValue BusinessHours businessHours,
		@DefaultValue Caps caps, @DefaultValue OpenTicket openTicket, @DefaultValue Review review) {

	/**
	 * @param enabled false: every channel (tasks too) may go out at any hour
	 * @param sms no SMS in these hours, {@code HH:mm-HH:mm} (may run past midnight); empty: any hour
	 * @param email no email in these hours; empty: any hour (an email waits in the inbox, it does not ring)
	 */
	public record QuietHours(@DefaultValue("true") boolean enabled, @DefaultValue("21:00-08:00") String sms,
			@DefaultValue("") String email) {

		public QuietHours {
			SilentWindow.quiet("forewarn.guardrails.quiet-hours.sms", sms);
			SilentWindow.quiet("forewarn.guardrails.quiet-hours.email", email);
		}
	}

	/**
	 * @param hours the working hours tasks are opened in, {@code HH:mm-HH:mm}
	 * @param days the working days
	 * @param zone the team's time zone (IANA); empty: the customer's own zone
	 */
	public record BusinessHours(@DefaultValue("09:00-17:00") String hours,
			@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) List<DayOfWeek> days,
			@DefaultValue("") String zone) {

		public BusinessHours {
			SilentWindow.openOnly("forewarn.guardrails.business-hours.hours", hours, days);
			org.forewarn.outreach.QuietHours.taskZone(zone);
		}
	}

	/**
	 * Each channel: {@code "N per day, M per week"} (either part may be left out); {@code none}: no cap.
	 *
	 * @param enabled false: no caps at all
	 * @param email email cap
	 * @param sms SMS cap
	 * @param task follow-up task cap
	 */
	public record Caps(@DefaultValue("true") boolean enabled, @DefaultValue("2 per day, 5 per week") String email,
			@DefaultValue("1 per day, 3 per week") String sms, @DefaultValue("none") String task) {

		public Caps {
			FrequencyCaps.parse("forewarn.guardrails.caps.email", email);
			FrequencyCaps.parse("forewarn.guardrails.caps.sms", sms);
			FrequencyCaps.parse("forewarn.guardrails.caps.task", task);
		}
	}

	/** @param problems problem codes held back (suppressed) while a ticket is open; empty: none */
	public record OpenTicket(@DefaultValue({ "order.not_shipped", "shipment.late", "shipment.stalled",
			"shipment.exception", "payment.failed" }) List<String> problems) {
	}

	/** @param expireAfter outreach nobody approved this long after it was decided expires */
	public record Review(@DefaultValue("PT24H") @DurationUnit(ChronoUnit.HOURS) Duration expireAfter) {
	}
}
