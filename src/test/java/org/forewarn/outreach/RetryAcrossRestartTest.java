package org.forewarn.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;
import static org.forewarn.TwilioStub.created;
import static org.forewarn.TwilioStub.error;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.ForewarnApp;
import org.forewarn.TwilioStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * On the wall clock with Quartz: a retry is a persisted wakeup, so one that comes due while Forewarn is stopped is
 * made after the restart, and the SMS goes out once.
 */
class RetryAcrossRestartTest {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	Path data;

	@Test
	void aRetryDueWhileStoppedIsMadeOnceAfterTheRestart() throws Exception {
		TwilioStub twilio = new TwilioStub(wireMock);
		twilio.answers(error(500, 20500, "Internal Server Error"), created("SM00000000000000000000000000000099"));
		List<String> settings = new ArrayList<>(List.of("--forewarn.rules=src/test/resources/guardrail-rules",
				"--forewarn.delivery.retry.first-delay=PT3S", "--forewarn.delivery.retry.jitter=0"));
		settings.addAll(List.of(twilio.settings()));
		String[] args = settings.toArray(String[]::new);
		Instant retryAt;
		try (ForewarnApp first = ForewarnApp.start(data, args)) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			first.post("/api/events", "[" + customer("rs-1", now, "UTC", "en", false, true) + ","
					+ order("rs-1", "rs-1-o", now, "sms", now.plus(Duration.ofDays(5))) + "]");
			Outreach waiting = first.bean(OutreachStore.class).findByCustomer("rs-1").get(0);
			assertThat(waiting.status()).isEqualTo(OutreachStatus.SCHEDULED);
			assertThat(waiting.delivery().attempts()).isEqualTo(1);
			retryAt = waiting.sendAt();
		}
		assertThat(twilio.requests()).isEqualTo(1);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), retryAt.plusMillis(500)).toMillis()));

		try (ForewarnApp second = ForewarnApp.start(data, args)) {
			Outreach sent = awaitStatus(second, "rs-1", OutreachStatus.SENT);
			assertThat(sent.delivery().attempts()).isEqualTo(2);
			Thread.sleep(1500); // room for a second, wrong send to show up
			assertThat(twilio.requests()).isEqualTo(2);
		}
	}

	private static Outreach awaitStatus(ForewarnApp app, String customerId, OutreachStatus status) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		Outreach last = null;
		while (System.nanoTime() < deadline) {
			last = app.bean(OutreachStore.class).findByCustomer(customerId).get(0);
			if (last.status() == status) {
				return last;
			}
			Thread.sleep(200);
		}
		return fail("expected " + status + " within 30 s, got " + last);
	}
}
