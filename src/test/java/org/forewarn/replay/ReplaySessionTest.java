package org.forewarn.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.forewarn.TestEvents;
import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings a replay starts with, and which of them the caller may change. */
class ReplaySessionTest {

	private static final String STATE_CACHE = "--forewarn.state-cache.customers=";

	@Test
	void aReplayKeepsFarMoreCustomerStatesThanALiveLane() {
		assertThat(ReplaySession.arguments("jdbc:h2:mem:t", List.of("--forewarn.rules=rules")))
			.filteredOn(arg -> arg.startsWith(STATE_CACHE))
			.containsExactly(STATE_CACHE + ReplaySession.STATES_KEPT);
	}

	@Test
	void theCallerSetsHowManyStatesAreKeptWithoutASecondValueBeside() {
		// given twice, Spring would join both values into one that is not a number
		assertThat(ReplaySession.arguments("jdbc:h2:mem:t", List.of(STATE_CACHE + "0")))
			.filteredOn(arg -> arg.startsWith(STATE_CACHE))
			.containsExactly(STATE_CACHE + "0");
	}

	@Test
	void theCallersLogLevelsReplaceTheReplays() {
		assertThat(ReplaySession.arguments("jdbc:h2:mem:t", List.of("--logging.level.org.forewarn=DEBUG")))
			.filteredOn(arg -> arg.startsWith("--logging.level.org.forewarn="))
			.containsExactly("--logging.level.org.forewarn=DEBUG");
	}

	@Test
	void autoConfigurationTheCallerExcludesIsExcludedBesideWhatTheReplayLeavesOut() {
		assertThat(ReplaySession.arguments("jdbc:h2:mem:t", List.of("--spring.autoconfigure.exclude=a.B")))
			.filteredOn(arg -> arg.startsWith("--spring.autoconfigure.exclude="))
			.containsExactly("--spring.autoconfigure.exclude="
					+ "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration,"
					+ "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback."
					+ "LogbackMetricsAutoConfiguration,a.B");
	}

	@Test
	void whatAReplayMustBeIsNotTheCallersToChange() {
		for (String setting : List.of("--forewarn.lanes=4", "--forewarn.state_cache.in_memory=false",
				"--spring.datasource.url=jdbc:postgresql://db/forewarn")) {
			assertThatThrownBy(() -> ReplaySession.arguments("jdbc:h2:mem:t", List.of(setting)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("is set by the replay itself");
		}
		assertThat(ReplaySession.refusal(List.of("--forewarn.rules=rules", "--logging.level.root=INFO"))).isNull();
	}

	@Test
	void closingASessionDropsItsDatabase() throws Exception {
		ReplaySession session = ReplaySession.start(List.of());
		try (Connection open = session.connect()) {
			assertThat(open.isValid(1)).isTrue();
		}

		session.close();

		assertThatThrownBy(() -> session.connect().close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("not found");
	}

	@Test
	void aResetSessionRemembersNothingOfTheCustomersBefore() {
		try (ReplaySession session = ReplaySession.start(List.of())) {
			session.feed(event("e1", "account.cancel_requested", "{\"reason\": \"too expensive\"}"));
			assertThat(session.outreach()).extracting(Outreach::template).containsExactly("churn_cancel_requested");
			assertThat(session.detectionCounts()).isNotEmpty();

			session.reset();
			assertThat(session.detectionCounts()).isEmpty();
			session.feed(event("e2", "account.feedback", "{\"score\": 5, \"scale\": \"csat5\"}"));

			// a state kept from before the reset would still hold the cancellation request and open its task again
			assertThat(session.outreach()).isEmpty();
		}
	}

	@Test
	void aReplayKeepsItsDetectionsInMemoryNotInTheTable() throws SQLException {
		try (ReplaySession session = ReplaySession.start(List.of())) {
			session.feed(event("e1", "account.cancel_requested", "{\"reason\": \"too expensive\"}"));

			assertThat(session.detectionCounts()).isNotEmpty();
			try (Connection connection = session.connect(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select count(*) from detection")) {
				rows.next();
				assertThat(rows.getInt(1)).isZero();
			}
		}
	}

	@Test
	void aReplayCountsTheHourlyCeilingInMemoryAndHoldsBackAboveIt() throws SQLException {
		Instant now = Instant.parse("2026-03-02T12:00:00Z");
		try (ReplaySession session = ReplaySession.start(List.of("--forewarn.rules=src/test/resources/brake-rules",
				"--forewarn.guardrails.quiet-hours.enabled=false"))) {
			for (int i = 1; i <= 3; i++) { // the rule lets two an hour through
				placed(session, "c" + i, now);
			}
			assertThat(session.outreach()).extracting(Outreach::status).containsExactlyInAnyOrder(
					OutreachStatus.SENT, OutreachStatus.SENT, OutreachStatus.PENDING_REVIEW);
			try (Connection connection = session.connect(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select count(*) from brake_ceiling_admission")) {
				rows.next();
				assertThat(rows.getInt(1)).isZero();
			}

			session.reset(); // its places are free again, as its records are gone
			placed(session, "c4", now);
			assertThat(session.outreach()).extracting(Outreach::status).containsExactly(OutreachStatus.SENT);
		}
	}

	private static void placed(ReplaySession session, String customer, Instant at) {
		session.feed(EventParser.parse(TestEvents.customer(customer, at, "UTC", "en", true, true)));
		session.feed(EventParser.parse(TestEvents.order(customer, customer + "-o", at, "email-ceiling",
				at.plus(Duration.ofDays(5)))));
	}

	@Test
	void aReplayNeverEscalatesOverdueTasksEvenWithAnAddressConfigured() {
		try (ReplaySession session = ReplaySession.start(List.of("--forewarn.followups.escalation-email=lead@example.com"))) {
			// the escalation checks are the engine's only scheduled executor bean
			assertThatThrownBy(() -> session.bean(ScheduledExecutorService.class))
				.isInstanceOf(NoSuchBeanDefinitionException.class);
		}
	}

	@Test
	void workDecidedAtAnEventTimeWithNanosecondsIsDueAtThatTime() {
		try (ReplaySession session = ReplaySession.start(List.of())) {
			// the database keeps microseconds: a send time of .123456789 stored as .123457 lay after the clock
			session.feed(EventParser.parse("{\"id\":\"e1\",\"type\":\"account.cancel_requested\","
					+ "\"time\":\"2026-03-02T10:00:00.123456789Z\",\"customerId\":\"c1\","
					+ "\"data\":{\"reason\":\"too expensive\"}}"));

			assertThat(session.outreach()).singleElement().satisfies(task -> {
				assertThat(task.status()).isEqualTo(OutreachStatus.OPEN);
				assertThat(task.decidedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
			});
		}
	}

	private static Event event(String id, String type, String data) {
		return new Event(id, type, OffsetDateTime.parse("2026-03-02T10:00:00Z"), "c1", null,
				JsonMapper.builder().build().readTree(data));
	}
}
