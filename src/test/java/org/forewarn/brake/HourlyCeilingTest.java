package org.forewarn.brake;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.SimulatedForewarn;
import org.forewarn.TwilioStub;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The ceiling per rule per hour: the configured default, a rule's own {@code .hourlyCeiling(n)}, review of what is
 * held, and a sliding hour on the clock.
 */
class HourlyCeilingTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static SimulatedForewarn app;

	@BeforeAll
	static void start() {
		app = BrakeApps.start(greenMail.getSmtp().getPort(), new TwilioStub(wireMock),
				"--forewarn.brake.hourly-ceiling=3");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aRulesOwnCeilingSendsTheRestToReviewAndApprovedOnesGoOut() throws Exception {
		List<Outreach> records = IntStream.rangeClosed(1, 4).mapToObj(i -> {
			BrakeApps.customerWithOrder(app, "own-" + i, "email-ceiling", app.now().plus(Duration.ofDays(5)));
			return app.only("own-" + i);
		}).toList();

		assertThat(records).extracting(Outreach::status).containsExactly(OutreachStatus.SENT, OutreachStatus.SENT,
				OutreachStatus.PENDING_REVIEW, OutreachStatus.PENDING_REVIEW);
		Outreach held = records.get(2);
		assertThat(held.statusReason()).startsWith("above the hourly ceiling (2 per hour): waiting for approval until ");
		assertThat(held.reviewUntil()).isEqualTo(app.now().plus(Duration.ofHours(24)));
		assertThat(held.policy().hourlyCeiling()).isEqualTo(2);

		assertThat(app.post("/api/outreach/" + held.id() + "/approve", "{\"note\":\"one decision\"}").statusCode())
			.isEqualTo(200);
		app.advance(Duration.ofSeconds(5));
		assertThat(app.only("own-3").status()).as("approved by a person: not held again").isEqualTo(OutreachStatus.SENT);

		app.advance(Duration.ofHours(25));
		assertThat(app.only("own-4").status()).as("nobody reviewed it in time").isEqualTo(OutreachStatus.EXPIRED);

		// a sliding hour: the first two were let through more than an hour ago
		BrakeApps.customerWithOrder(app, "own-5", "email-ceiling", app.now().plus(Duration.ofDays(5)));
		assertThat(app.only("own-5").status()).isEqualTo(OutreachStatus.SENT);
		assertThat(app.bean(MeterRegistry.class).get("forewarn.brake.held").tag("kind", "ceiling")
			.tag("channel", "email").counter().count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theConfiguredCeilingAppliesToRulesWithoutTheirOwn() {
		app.advance(Duration.ofHours(2));
		List<OutreachStatus> statuses = IntStream.rangeClosed(1, 5).mapToObj(i -> {
			BrakeApps.customerWithOrder(app, "default-" + i, "email", app.now().plus(Duration.ofDays(5)));
			return app.only("default-" + i).status();
		}).toList();

		assertThat(statuses).containsExactly(OutreachStatus.SENT, OutreachStatus.SENT, OutreachStatus.SENT,
				OutreachStatus.PENDING_REVIEW, OutreachStatus.PENDING_REVIEW);
		assertThat(app.only("default-4").statusReason()).startsWith("above the hourly ceiling (3 per hour)");
		assertThat(app.bean(HourlyCeiling.class).usedLastHour("brake: email now")).isEqualTo(3);
	}

	@Test
	void concurrentSendsNeverTakeMorePlacesThanTheCeiling() throws Exception {
		// each caller counts and admits in its own transaction, as lanes and instances do: only the lock on the
		// rule's row in the database keeps them from all seeing the last free place
		HourlyCeiling ceiling = app.bean(HourlyCeiling.class);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String id = "race-" + i;
				answers.add(callers.submit(() -> ceiling.admit("race rule", 25, id)));
			}
			List<String> admitted = new ArrayList<>();
			for (int i = 0; i < answers.size(); i++) {
				if (answers.get(i).get()) {
					admitted.add("race-" + i);
				}
			}
			assertThat(admitted).hasSize(25);
			assertThat(ceiling.usedLastHour("race rule")).isEqualTo(25);
			assertThat(ceiling.admit("race rule", 25, admitted.get(0))).as("admitted before: still admitted").isTrue();
			assertThat(ceiling.admit("race rule", 25, "race-late")).isFalse();
		}
		finally {
			callers.shutdownNow();
		}
	}
}
