package org.forewarn.engine;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.forewarn.ForewarnApp;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.forewarn.TestEvents.customer;
import static org.forewarn.TestEvents.order;

/**
 * Work whose wakeup is gone (a database from before every send had one, or a crash at the wrong moment) is found by
 * the sweep: a send waiting for its retry, a review past its deadline, a fallback still owed. Each is done once.
 */
class OverdueSweepTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@TempDir
	Path data;

	@Test
	void outreachWaitingWithoutItsWakeupIsFoundAndDoneOnce() throws Exception {
		List<String> settings = List.of("--forewarn.rules=src/test/resources/guardrail-rules",
				"--forewarn.guardrails.review.expire-after=PT10S", "--forewarn.delivery.retry.first-delay=PT5S",
				"--forewarn.delivery.retry.jitter=0");
		Instant now;
		try (ForewarnApp first = ForewarnApp.start(data, with(settings, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + closedPort()))) {
			now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			// SMTP is unreachable: the email waits for its retry
			first.post("/api/events", "[" + customer("sw-send", now, "UTC", "en", true, false) + ","
					+ order("sw-send", "sw-send-o", now, "email", now.plus(Duration.ofDays(5))) + "]");
			first.post("/api/events", "[" + customer("sw-review", now, "UTC", "en", true, false) + ","
					+ order("sw-review", "sw-review-o", now, "review", now.plus(Duration.ofDays(5))) + "]");
			// no SMS consent: SUPPRESSED, and the rule's fallback email is owed
			first.post("/api/events", "[" + customer("sw-fallback", now, "UTC", "en", true, false) + ","
					+ order("sw-fallback", "sw-fallback-o", now, "sms-or-email", now.plus(Duration.ofDays(5))) + "]");
			OutreachStore outreach = first.bean(OutreachStore.class);
			assertThat(outreach.findByCustomer("sw-send")).singleElement()
				.satisfies(o -> assertThat(o.status()).isEqualTo(OutreachStatus.SCHEDULED));
			assertThat(outreach.findByCustomer("sw-review")).singleElement()
				.satisfies(o -> assertThat(o.status()).isEqualTo(OutreachStatus.PENDING_REVIEW));

			// the wakeups are lost, and so is the fallback made right after the refusal: the state a crash between
			// the refusal's commit and the fallback's leaves when no wakeup was kept
			JdbcClient db = JdbcClient.create(first.bean(DataSource.class));
			first.bean(WakeupPoller.class).standby();
			db.sql("delete from wakeup").update();
			for (String table : List.of("outreach_status_change", "outreach_attempt")) {
				db.sql("delete from " + table + " where outreach_id in (select id from outreach "
						+ "where customer_id = 'sw-fallback' and fallback_for is not null)").update();
			}
			db.sql("delete from outreach where customer_id = 'sw-fallback' and fallback_for is not null").update();
			db.sql("update outreach set fallback_due = true where customer_id = 'sw-fallback'").update();
		}
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), now.plusSeconds(11)).toMillis()));

		// the first look at start finds the send and the review; the fallback is owed since before the restart too
		try (ForewarnApp second = ForewarnApp.start(data, with(settings, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(), "--forewarn.sweep.grace=PT1S",
				"--forewarn.sweep.interval=PT1S"))) {
			OutreachStore outreach = second.bean(OutreachStore.class);
			awaitOutreach(outreach, "sw-send", all -> all.get(0).status() == OutreachStatus.SENT);
			awaitOutreach(outreach, "sw-review", all -> all.get(0).status() == OutreachStatus.EXPIRED);
			List<Outreach> fallback = awaitOutreach(outreach, "sw-fallback",
					all -> all.size() == 2 && all.get(1).status() == OutreachStatus.SENT);
			assertThat(fallback.get(1).channel()).isEqualTo("email");
			assertThat(fallback.get(1).fallbackFor()).isEqualTo(fallback.get(0).id());

			Thread.sleep(2500); // two more sweeps: nothing goes out again
			assertThat(greenMail.getReceivedMessagesForDomain("sw-send@customers.example")).hasSize(1);
			assertThat(greenMail.getReceivedMessagesForDomain("sw-fallback@customers.example")).hasSize(1);
			assertThat(outreach.findByCustomer("sw-fallback")).hasSize(2);
		}
	}

	private static List<Outreach> awaitOutreach(OutreachStore outreach, String customerId,
			Predicate<List<Outreach>> done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<Outreach> last = List.of();
		while (System.nanoTime() < deadline) {
			last = outreach.findByCustomer(customerId);
			if (!last.isEmpty() && done.test(last)) {
				return last;
			}
			Thread.sleep(200);
		}
		return fail("outreach of " + customerId + " not done within 30 s: " + last);
	}

	private static String[] with(List<String> settings, String... more) {
		List<String> all = new ArrayList<>(settings);
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
