package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TestEvents.phone;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.Address;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.forewarn.engine.WakeupScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Held-out customers: their outreach passes every guardrail and ends HELD_OUT when it is due; GreenMail and the
 * Twilio stub receive nothing for them, while everyone else's goes out as usual.
 */
class HoldoutSendingTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static SimulatedForewarn app;
	static HoldoutGroups groups;

	private final TwilioStub twilio = new TwilioStub(wireMock);

	@BeforeAll
	static void start() {
		app = GuardrailApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock),
				"--forewarn.holdout.percent=50", "--forewarn.holdout.salt=test-experiment",
				"--forewarn.holdout.key=test-holdout-key", "--forewarn.holdout.rules[test: a task]=50",
				"--forewarn.holdout.rules[test: email after review]=0");
		groups = app.bean(HoldoutGroups.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void freshMailboxAndTwilio() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		wireMock.resetRequests();
		twilio.accepts("SM00000000000000000000000000000001");
	}

	@Test
	void nothingHeldOutIsSentByEmailOrSms() throws Exception {
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(14));
		List<String> customers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String c = "hold-" + i;
			customers.add(c);
			app.feed(customer(c, t, "UTC", "en", true, true));
			app.feed(order(c, c + "-e", t, "email", t.plus(Duration.ofDays(5))));
			app.feed(order(c, c + "-s", t, "sms", t.plus(Duration.ofDays(5))));
		}
		Set<String> heldOut = customers.stream().filter(c -> groups.heldOut(c, 50)).collect(Collectors.toSet());
		assertThat(heldOut).isNotEmpty().hasSizeLessThan(customers.size());

		for (String c : customers) {
			for (Outreach o : app.outreach(c)) {
				if (heldOut.contains(c)) {
					assertThat(o.status()).isEqualTo(OutreachStatus.HELD_OUT);
					assertThat(o.sentAt()).isNull();
					assertThat(o.statusReason()).startsWith("holdout group of experiment 'test-experiment' (50.0% ")
						.endsWith("would have been sent now, not sent");
					assertThat(o.policy().holdoutPercent()).isEqualTo(50.0);
				}
				else {
					assertThat(o.status()).as(c).isEqualTo(OutreachStatus.SENT);
				}
			}
		}
		Set<String> mailedTo = Stream.of(greenMail.getReceivedMessages()).flatMap(m -> {
			try {
				return Stream.of(m.getAllRecipients());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).map(Address::toString).collect(Collectors.toSet());
		Set<String> textedTo = wireMock.findAll(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES))).stream()
			.map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
			.flatMap(body -> Stream.of(body.split("&"))).filter(p -> p.startsWith("To="))
			.map(p -> p.substring(3)).collect(Collectors.toSet());
		int contacted = customers.size() - heldOut.size();
		assertThat(mailedTo).hasSize(contacted);
		assertThat(textedTo).hasSize(contacted);
		for (String c : heldOut) {
			assertThat(mailedTo).doesNotContain(c + "@customers.example");
			assertThat(textedTo).doesNotContain(phone(c));
		}
	}

	@Test
	void heldOutRecordsPassTheGuardrailsDoNotCountTowardCapsAndDoNotFallBack() throws Exception {
		String c = firstCustomer("capped-", true);
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(10));
		app.feed(customer(c, t, "UTC", "en", true, false));
		// the email cap is 2 a day: three held-out emails are all HELD_OUT, none "frequency cap"
		for (int i = 0; i < 3; i++) {
			app.feed(order(c, c + "-" + i, t.plus(Duration.ofMinutes(i)), "email", t.plus(Duration.ofDays(5))));
		}
		// no SMS consent: suppressed by the guardrail as usual, and its email fallback is made and then held out
		app.feed(order(c, c + "-refused", t.plus(Duration.ofMinutes(5)), "sms-or-email", t.plus(Duration.ofDays(5))));

		List<Outreach> records = app.outreach(c);
		assertThat(records.stream().filter(o -> o.channel().equals("email") && o.fallbackFor() == null)
			.map(Outreach::status)).containsExactly(OutreachStatus.HELD_OUT, OutreachStatus.HELD_OUT,
					OutreachStatus.HELD_OUT);
		Outreach refused = records.stream().filter(o -> o.orderId().equals(c + "-refused") && o.channel().equals("sms"))
			.findFirst().orElseThrow();
		assertThat(refused.status()).isEqualTo(OutreachStatus.SUPPRESSED);
		assertThat(refused.statusReason()).isEqualTo("no sms consent");
		assertThat(records.stream().filter(o -> refused.id().equals(o.fallbackFor())).map(Outreach::status))
			.containsExactly(OutreachStatus.HELD_OUT);
		assertThat(records).hasSize(5);
		assertThat(greenMail.getReceivedMessages()).as(records.toString()).isEmpty();
		assertThat(twilio.requests()).isZero();
	}

	@Test
	void quietHoursStillMoveAHeldOutSendWhichEndsHeldOutWhenItWouldHaveGoneOut() {
		String c = firstCustomer("quiet-", true);
		Instant night = GuardrailApps.freshDay(app).plus(Duration.ofHours(23));
		app.feed(customer(c, night, "UTC", "en", true, true));
		app.feed(order(c, c + "-o", night, "sms", night.plus(Duration.ofDays(5))));
		assertThat(app.only(c).status()).isEqualTo(OutreachStatus.SCHEDULED);
		assertThat(app.only(c).statusReason()).contains("quiet hours");

		app.advanceTo(night.plus(Duration.ofHours(10)));

		Outreach o = app.only(c);
		assertThat(o.status()).isEqualTo(OutreachStatus.HELD_OUT);
		assertThat(app.bean(OutreachStore.class).history(o.id()).get(1).at())
			.isEqualTo(night.plus(Duration.ofHours(9)));
		assertThat(twilio.requests()).isZero();
	}

	@Test
	void overridesDownToZeroAndTasksAreNotHeldOutByDefault() throws Exception {
		String c = firstCustomer("exempt-", true);
		Instant t = GuardrailApps.freshDay(app).plus(Duration.ofHours(11));
		app.feed(customer(c, t, "UTC", "en", true, true));
		app.feed(order(c, c + "-task", t, "task", t.plus(Duration.ofDays(5))));
		app.feed(order(c, c + "-review", t, "review", t.plus(Duration.ofDays(5))));
		Outreach review = app.outreach(c).stream().filter(o -> o.orderId().equals(c + "-review")).findFirst()
			.orElseThrow();
		app.bean(WakeupScheduler.class).schedule(
				app.bean(OutreachReview.class).approve(review.id(), "ana", null, app.now()).orElseThrow().sendWakeup());
		// a task opens in business hours (Monday to Friday)
		app.advance(Duration.ofDays(3));

		for (Outreach o : app.outreach(c)) {
			assertThat(o.policy().holdoutPercent()).isZero();
			assertThat(o.status()).isIn(OutreachStatus.OPEN, OutreachStatus.SENT);
		}
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	private static String firstCustomer(String prefix, boolean heldOut) {
		for (int i = 0;; i++) {
			if (groups.heldOut(prefix + i, 50) == heldOut) {
				return prefix + i;
			}
		}
	}
}
