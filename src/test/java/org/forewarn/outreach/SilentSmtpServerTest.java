package org.forewarn.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.forewarn.ForewarnApp;
import org.forewarn.SimulatedForewarn;
import org.forewarn.UnansweringSmtpServer;
import org.forewarn.UnansweringSmtpServer.Silence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SMTP client against a server that stops answering, with the SMTP timeouts of forewarn.channels.email (no
 * spring.mail.properties): a silent server holds up only its own send; silence before the message is retried,
 * silence after the whole message ends the record FAILED "may have gone out", never sent again.
 */
class SilentSmtpServerTest {

	private static final String RULES = "--forewarn.rules=src/test/resources/provider-rules";

	@TempDir
	Path data;

	@Test
	void aServerThatNeverGreetsHoldsOnlyItsOwnSendWhichIsRetried() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try (UnansweringSmtpServer smtp = new UnansweringSmtpServer(Silence.FROM_THE_START);
				ForewarnApp app = ForewarnApp.start(data, RULES, "--spring.mail.host=localhost",
						"--spring.mail.port=" + smtp.port(), "--forewarn.channels.email.connect-timeout=PT1S",
						"--forewarn.channels.email.read-timeout=PT1S", "--forewarn.lanes=1",
						"--forewarn.delivery.retry.first-delay=PT2S", "--forewarn.delivery.retry.jitter=0")) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			Future<HttpResponse<String>> stuck = clients.submit(() -> app.post("/api/events", "["
					+ customer("greet-a", now, "UTC", "en", true, false) + ","
					+ order("greet-a", "greet-a-o", now, "email", now.plus(Duration.ofDays(5))) + "]"));
			awaitTrue("the email to reach the silent server", () -> smtp.connections() == 1);

			// one lane for every customer: another customer's event waits only as long as the read timeout
			long asked = System.nanoTime();
			HttpResponse<String> other = clients
				.submit(() -> app.post("/api/events", customer("greet-b", now, "UTC", "en", true, false)))
				.get(30, TimeUnit.SECONDS);
			Duration waited = Duration.ofNanos(System.nanoTime() - asked);

			assertThat(other.body()).contains("ACCEPTED");
			assertThat(waited).isLessThan(Duration.ofSeconds(10));
			assertThat(stuck.get(30, TimeUnit.SECONDS).body()).contains("ACCEPTED").doesNotContain("FAILED");
			OutreachStore store = app.bean(OutreachStore.class);
			Outreach waiting = store.findByCustomer("greet-a").get(0);
			assertThat(waiting.status()).isEqualTo(OutreachStatus.SCHEDULED);
			assertThat(waiting.statusReason()).startsWith("retry 2 of 5 at ")
				.contains("SMTP localhost:" + smtp.port(), "Read timed out");
			assertThat(waiting.delivery().providerCode()).isNull();

			// no greeting means nothing was sent: the send is tried again, and each try is claimed and finished at
			// once, as the connection is opened before the claim
			AttemptStore attempts = app.bean(AttemptStore.class);
			awaitTrue("a retry", () -> attempts.list(waiting.id()).size() >= 2);
			List<Attempt> tries = attempts.list(waiting.id());
			assertThat(tries).extracting(Attempt::outcome).containsOnly("RETRY");
			assertThat(tries).allSatisfy(a -> assertThat(a.finishedAt()).isNotNull());
			assertThat(smtp.connections()).isGreaterThanOrEqualTo(2);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void silenceAfterTheWholeMessageMayHaveSentItAndItCountsAsSent() throws Exception {
		try (UnansweringSmtpServer smtp = new UnansweringSmtpServer(Silence.AFTER_THE_MESSAGE);
				SimulatedForewarn app = SimulatedForewarn.start(GuardrailApps.START, RULES,
						"--spring.mail.host=localhost", "--spring.mail.port=" + smtp.port(),
						"--forewarn.channels.email.read-timeout=PT1S", "--forewarn.guardrails.caps.email=1 per day",
						"--forewarn.links.public-url=" + GuardrailApps.PUBLIC_URL,
						"--forewarn.links.secret=test-secret")) {
			Instant t = GuardrailApps.START.plus(Duration.ofHours(14));
			app.feed(customer("after-data", t, "America/Sao_Paulo", "en", true, false));
			app.feed(order("after-data", "after-data-1", t, "email", t.plus(Duration.ofDays(5))));

			Outreach email = app.only("after-data");
			assertThat(smtp.messages()).isEqualTo(1);
			assertThat(email.status()).isEqualTo(OutreachStatus.FAILED);
			assertThat(email.delivery().providerCode()).isEqualTo("uncertain");
			assertThat(email.statusReason()).startsWith("may have gone out: no answer to the end of the message")
				.contains("SMTP localhost:" + smtp.port(), "Read timed out", "not sent again");
			assertThat(email.sentAt()).isEqualTo(t);
			assertThat(app.bean(AttemptStore.class).list(email.id())).singleElement()
				.satisfies(a -> assertThat(a.outcome()).isEqualTo("UNCERTAIN"));

			// it counts as sent: the cap of one email a day is reached
			app.feed(order("after-data", "after-data-2", t.plusSeconds(60), "email", t.plus(Duration.ofDays(5))));
			Outreach second = app.outreach("after-data").stream()
				.filter(o -> o.orderId().equals("after-data-2")).findFirst().orElseThrow();
			assertThat(second.status()).isEqualTo(OutreachStatus.SUPPRESSED);
			assertThat(second.statusReason()).isEqualTo(FrequencyCaps.REASON);

			// never tried again, on this channel or another (no fallback task), and a person can find it
			app.advance(Duration.ofDays(3));
			assertThat(smtp.messages()).isEqualTo(1);
			assertThat(smtp.connections()).isEqualTo(1);
			assertThat(app.outreach("after-data")).hasSize(2);
			assertThat(app.get("/actuator/health", "application/json").body()).contains("\"mayHaveGoneOut\":1");
		}
	}

	private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited 30 s for " + what);
			}
			Thread.sleep(50);
		}
	}
}
