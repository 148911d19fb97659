package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.ticket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.forewarn.HttpCaller;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * When outreach may go out: quiet hours in the customer's own zone (and earlier, for a send with a deadline), business
 * hours for tasks, frequency caps counted in the customer's calendar day, an open support ticket, and one message per
 * problem and order unless a rule asks for a follow-up step.
 */
class TimingGuardrailsTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static SimulatedForewarn app;

	@BeforeAll
	static void start() {
		app = GuardrailApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock),
				"--forewarn.guardrails.caps.email=1 per day, 3 per week");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void twilioAcceptsEverything() {
		new TwilioStub(wireMock).accepts("SM00000000000000000000000000000002");
	}

	/** Resuming is a new moment to send at: the tolerance for a timer firing late does not cover a pause's hold. */
	@Test
	void outreachAPauseHeldWaitsForTheMorningWhenResumedInQuietHours() throws Exception {
		HttpCaller lea = app.asNewUser("lea-qh", "reviewer");
		// 20:53 in São Paulo: due seven minutes before quiet hours, resumed half a minute into them
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofDays(3)).plus(Duration.ofMinutes(23 * 60 + 53));
		app.advanceTo(t);
		assertThat(lea.post("/api/pauses", "{\"scope\":\"channel\",\"name\":\"sms\",\"note\":\"outage\"}")
			.statusCode()).isEqualTo(201);
		app.feed(customer("qh-paused", t, SAO_PAULO.getId(), "en", false, true));
		app.feed(order("qh-paused", "qh-paused-o", t, "sms", t.plus(Duration.ofDays(5))));
		assertThat(app.only("qh-paused").statusReason()).startsWith("paused by lea-qh");

		app.advanceTo(t.plus(Duration.ofSeconds(7 * 60 + 31)));
		assertThat(lea.delete("/api/pauses/channel/sms?note=recovered").statusCode()).isEqualTo(204);
		app.advance(Duration.ofSeconds(10));

		Outreach held = app.only("qh-paused");
		assertThat(held.status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(held.statusReason()).isEqualTo("quiet hours");
		assertThat(held.sendAt()).isEqualTo(t.atZone(SAO_PAULO).plusDays(1).with(LocalTime.of(8, 0)).toInstant());
	}

	@Test
	void quietHoursFollowEachCustomersOwnZone() {
		// 12:30 UTC: 21:30 in Tokyo (no SMS until 08:00 there, which is the next day), 09:30 in São Paulo
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofMinutes(12 * 60 + 30));
		app.feed(customer("qh-tokyo", t, TOKYO.getId(), "en", false, true));
		app.feed(customer("qh-sp", t, SAO_PAULO.getId(), "en", false, true));
		app.feed(order("qh-tokyo", "qh-tokyo-o", t, "sms", t.plus(Duration.ofDays(5))));
		app.feed(order("qh-sp", "qh-sp-o", t, "sms", t.plus(Duration.ofDays(5))));

		assertThat(app.only("qh-sp").status()).isEqualTo(OutreachStatus.SENT);
		Outreach held = app.only("qh-tokyo");
		assertThat(held.status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(held.statusReason()).isEqualTo("quiet hours");
		Instant tokyoMorning = t.atZone(TOKYO).plusDays(1).with(LocalTime.of(8, 0)).toInstant();
		assertThat(held.sendAt()).isEqualTo(tokyoMorning).isEqualTo(t.plus(Duration.ofMinutes(10 * 60 + 30)));

		app.advanceTo(tokyoMorning.minusSeconds(1));
		assertThat(app.only("qh-tokyo").status()).isEqualTo(OutreachStatus.SCHEDULED);
		app.advanceTo(tokyoMorning.plusSeconds(1));
		Outreach sent = app.only("qh-tokyo");
		assertThat(sent.status()).isEqualTo(OutreachStatus.SENT);
		assertThat(sent.sentAt()).isEqualTo(tokyoMorning);
	}

	@Test
	void aSendWithADeadlineInQuietHoursMovesEarlier() {
		ZonedDateTime day = GuardrailApps.freshDay(app).atZone(TOKYO).with(LocalTime.of(19, 0));
		// promised for midnight in two days: due a day before, at midnight, inside the quiet hours
		Instant promised = day.plusDays(2).with(LocalTime.MIDNIGHT).toInstant();
		app.feed(customer("dl-1", day.toInstant(), TOKYO.getId(), "en", false, true));
		app.feed(order("dl-1", "dl-1-o", day.toInstant(), "sms-deadline", promised));

		Outreach held = app.only("dl-1");
		assertThat(held.statusReason()).isEqualTo("quiet hours: moved earlier to meet its deadline");
		Instant lastMinuteBefore = day.with(LocalTime.of(20, 59)).toInstant();
		assertThat(held.sendAt()).isEqualTo(lastMinuteBefore);
		assertThat(held.policy().notLaterThan()).isEqualTo(promised.minus(Duration.ofDays(1)));

		app.advanceTo(day.plusHours(3).toInstant());
		assertThat(app.only("dl-1").status()).isEqualTo(OutreachStatus.SENT);
		assertThat(app.only("dl-1").sentAt()).isEqualTo(lastMinuteBefore);
	}

	@Test
	void tasksOpenInBusinessHours() {
		ZonedDateTime friday = GuardrailApps.freshDay(app).atZone(SAO_PAULO)
			.with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).with(LocalTime.of(18, 0));
		app.feed(customer("bh-1", friday.toInstant(), SAO_PAULO.getId(), "en", true, false));
		app.feed(order("bh-1", "bh-1-o", friday.toInstant(), "task", friday.plusDays(10).toInstant()));

		Outreach task = app.only("bh-1");
		assertThat(task.status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(task.statusReason()).isEqualTo("outside business hours");
		Instant monday = friday.plusDays(3).with(LocalTime.of(9, 0)).toInstant();
		assertThat(task.sendAt()).isEqualTo(monday);

		app.advanceTo(monday.plusSeconds(60));
		assertThat(app.only("bh-1").status()).isEqualTo(OutreachStatus.OPEN);
	}

	@Test
	void theDailyCapResetsAtTheCustomersMidnight() {
		ZonedDateTime lateEvening = GuardrailApps.freshDay(app).atZone(SAO_PAULO).with(LocalTime.of(23, 30));
		Instant t = lateEvening.toInstant();
		for (String id : new String[] { "cap-sp", "cap-tokyo" }) {
			app.feed(customer(id, t, id.equals("cap-sp") ? SAO_PAULO.getId() : TOKYO.getId(), "en", true, false));
			app.feed(order(id, id + "-1", t, "email", t.plus(Duration.ofDays(9))));
			app.feed(order(id, id + "-2", t.plus(Duration.ofMinutes(20)), "email", t.plus(Duration.ofDays(9))));
			// 00:10 the next day in São Paulo; still the same afternoon in Tokyo
			app.feed(order(id, id + "-3", t.plus(Duration.ofMinutes(40)), "email", t.plus(Duration.ofDays(9))));
		}

		assertThat(statuses("cap-sp")).containsExactly("1 SENT", "2 SUPPRESSED frequency cap", "3 SENT");
		assertThat(statuses("cap-tokyo")).containsExactly("1 SENT", "2 SUPPRESSED frequency cap",
				"3 SUPPRESSED frequency cap");
	}

	@Test
	void aCappedSendThatMayWaitGoesOutOnTheCustomersNextDay() {
		ZonedDateTime evening = GuardrailApps.freshDay(app).atZone(SAO_PAULO).with(LocalTime.of(20, 0));
		Instant t = evening.toInstant();
		app.feed(customer("wait-1", t, SAO_PAULO.getId(), "en", true, false));
		app.feed(order("wait-1", "wait-1-1", t, "email", t.plus(Duration.ofDays(9))));
		app.feed(order("wait-1", "wait-1-2", t.plus(Duration.ofMinutes(5)), "email-patient", t.plus(Duration.ofDays(9))));

		Outreach waiting = app.outreach("wait-1").get(1);
		assertThat(waiting.status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(waiting.statusReason()).isEqualTo("frequency cap: waits for the customer's next day");
		Instant midnight = evening.plusDays(1).with(LocalTime.MIDNIGHT).toInstant();
		assertThat(waiting.sendAt()).isEqualTo(midnight);

		app.advanceTo(midnight.plusSeconds(1));
		assertThat(app.outreach("wait-1").get(1).status()).isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void theWeeklyCapCountsTheCustomersLastSevenDays() {
		ZonedDateTime noon = GuardrailApps.freshDay(app).atZone(SAO_PAULO).with(LocalTime.NOON);
		app.feed(customer("week-1", noon.toInstant(), SAO_PAULO.getId(), "en", true, false));
		for (int day : new int[] { 0, 1, 2, 3, 6, 7 }) {
			Instant t = noon.plusDays(day).toInstant();
			app.feed(order("week-1", "week-1-" + day, t, "email", t.plus(Duration.ofDays(9))));
		}

		assertThat(statuses("week-1")).containsExactly("0 SENT", "1 SENT", "2 SENT", "3 SUPPRESSED frequency cap",
				"6 SUPPRESSED frequency cap", "7 SENT");
	}

	@Test
	void anOpenSupportTicketHoldsOutreachBack() {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(15));
		app.feed(customer("tk-1", t, SAO_PAULO.getId(), "en", true, true));
		app.feed(order("tk-1", "tk-1-later", t, "sms-deadline", t.plus(Duration.ofHours(30))));
		app.feed(ticket("tk-1", "account.ticket_opened", "T-1", t.plus(Duration.ofMinutes(1))));
		app.feed(order("tk-1", "tk-1-now", t.plus(Duration.ofMinutes(2)), "email", t.plus(Duration.ofDays(5))));

		assertThat(find("tk-1", "tk-1-now").status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(find("tk-1", "tk-1-now").statusReason()).isEqualTo("open support ticket");
		app.advance(Duration.ofHours(8));
		// decided before the ticket, due while it is open
		assertThat(find("tk-1", "tk-1-later").status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(find("tk-1", "tk-1-later").statusReason()).isEqualTo("open support ticket");

		app.feed(ticket("tk-1", "account.ticket_closed", "T-1", app.now()));
		app.feed(order("tk-1", "tk-1-after", app.now(), "email", app.now().plus(Duration.ofDays(5))));
		assertThat(find("tk-1", "tk-1-after").status()).isEqualTo(OutreachStatus.SENT);
	}

	@Test
	void oneMessagePerProblemAndOrderUnlessARuleAsksForAFollowUp() {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(15));
		app.feed(customer("fu-1", t, SAO_PAULO.getId(), "en", true, false));
		app.feed(order("fu-1", "fu-1-o", t, "reminder", t.plus(Duration.ofDays(9))));

		// the rule asked three times: the first message, a second one with another template (dropped: same
		// problem and order), and a reminder as step 2
		assertThat(app.outreach("fu-1")).extracting(o -> o.template() + " step " + o.policy().step() + " " + o.status())
			.containsExactly("shipment_late step 1 SENT", "shipment_late step 2 SCHEDULED");
		app.advance(Duration.ofDays(3));
		assertThat(app.outreach("fu-1").get(1).status()).isEqualTo(OutreachStatus.SENT);
	}

	private static java.util.List<String> statuses(String customerId) {
		return app.outreach(customerId).stream()
			.map(o -> o.orderId().substring(o.orderId().lastIndexOf('-') + 1) + " " + o.status()
					+ (o.status() == OutreachStatus.SUPPRESSED ? " " + o.statusReason() : ""))
			.toList();
	}

	private static Outreach find(String customerId, String orderId) {
		return app.outreach(customerId).stream().filter(o -> orderId.equals(o.orderId())).findFirst().orElseThrow();
	}
}
