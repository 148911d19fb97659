package org.forewarn.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic of quiet hours and business hours, across midnight, zones and daylight saving changes. */
class QuietHoursTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final QuietHours quiet = quietHours("21:00-08:00", "22:00-07:00");

	@Test
	void aSendDueInsideMovesToTheNextAllowedMinuteOfTheCustomersDay() {
		Instant due = at("2026-03-03T22:30-05:00[America/New_York]");

		QuietHours.Placement placed = quiet.place("sms", NEW_YORK, due, null, due);

		assertThat(placed.at()).isEqualTo(at("2026-03-04T08:00-05:00[America/New_York]"));
		assertThat(placed.reason()).isEqualTo("quiet hours");
		assertThat(quiet.place("sms", NEW_YORK, at("2026-03-04T08:00-05:00[America/New_York]"), null, due).reason())
			.isNull();
		assertThat(quiet.place("email", NEW_YORK, at("2026-03-03T21:30-05:00[America/New_York]"), null, due).reason())
			.isNull();
	}

	@Test
	void theNightTheClocksGoForwardEndsAtEightLocalTime() {
		// 8 March 2026: 02:00 EST jumps to 03:00 EDT in New York
		Instant due = at("2026-03-08T01:30-05:00[America/New_York]");

		QuietHours.Placement placed = quiet.place("sms", NEW_YORK, due, null, due);

		assertThat(placed.at().atZone(NEW_YORK).toLocalDateTime()).hasToString("2026-03-08T08:00");
		assertThat(Duration.between(due, placed.at())).isEqualTo(Duration.ofMinutes(5 * 60 + 30));
	}

	@Test
	void withADeadlineTheSendMovesEarlierWhenThatIsStillAhead() {
		Instant deadline = at("2026-03-04T00:00-05:00[America/New_York]");
		Instant decided = at("2026-03-03T12:00-05:00[America/New_York]");

		QuietHours.Placement earlier = quiet.place("sms", NEW_YORK, deadline, deadline, decided);
		QuietHours.Placement tooLate = quiet.place("sms", NEW_YORK, deadline, deadline,
				at("2026-03-03T21:10-05:00[America/New_York]"));

		assertThat(earlier.at()).isEqualTo(at("2026-03-03T20:59-05:00[America/New_York]"));
		assertThat(earlier.reason()).isEqualTo("quiet hours: moved earlier to meet its deadline");
		// already inside the quiet hours: the customer's night wins over the deadline
		assertThat(tooLate.at()).isEqualTo(at("2026-03-04T08:00-05:00[America/New_York]"));
		assertThat(tooLate.reason()).isEqualTo("quiet hours");
	}

	@Test
	void tasksWaitForTheNextWorkingDay() {
		Instant fridayEvening = at("2026-03-06T17:00-05:00[America/New_York]");

		QuietHours.Placement placed = quiet.place("task", NEW_YORK, fridayEvening, null, fridayEvening);

		assertThat(placed.at()).isEqualTo(at("2026-03-09T09:00-04:00[America/New_York]"));
		assertThat(placed.reason()).isEqualTo("outside business hours");
		assertThat(quiet.place("task", NEW_YORK, at("2026-03-06T16:59-05:00[America/New_York]"), null, fridayEvening)
			.reason()).isNull();
	}

	@Test
	void noQuietHoursWhenTurnedOffOrLeftEmpty() {
		Instant night = at("2026-03-03T23:00-05:00[America/New_York]");
		QuietHours off = new QuietHours(settings(false, "21:00-08:00", ""));

		assertThat(off.place("sms", NEW_YORK, night, null, night).reason()).isNull();
		assertThat(off.place("task", NEW_YORK, night, null, night).reason()).isNull();
		assertThat(quietHours("21:00-08:00", "").place("email", NEW_YORK, night, null, night).reason()).isNull();
	}

	@Test
	void aBadSettingIsNamed() {
		assertThatThrownBy(() -> quietHours("9pm-8am", ""))
			.hasMessage("forewarn.guardrails.quiet-hours.sms: '9pm-8am' is not a time range like 21:00-08:00");
	}

	private static QuietHours quietHours(String sms, String email) {
		return new QuietHours(settings(true, sms, email));
	}

	private static GuardrailSettings settings(boolean enabled, String sms, String email) {
		return new GuardrailSettings(new GuardrailSettings.QuietHours(enabled, sms, email),
				new GuardrailSettings.BusinessHours("09:00-17:00", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
						DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), ""),
				new GuardrailSettings.Caps(true, "none", "none", "none"), new GuardrailSettings.OpenTicket(List.of()),
				new GuardrailSettings.Review(Duration.ofHours(24)));
	}

	private static Instant at(String zoned) {
		return ZonedDateTime.parse(zoned).toInstant();
	}
}
