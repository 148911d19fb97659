package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;

import org.forewarn.BothDatabases;
import org.forewarn.rules.Decided;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the guardrails count among one customer's outreach (sent on a channel in a window; another rule's outreach
 * about the same problem) counts that customer's records only: in the tables on H2
 * and on PostgreSQL, and in a replay's memory.
 */
class CustomerOutreachCountsTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
	private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void sentCountsTheCustomersOutreachOnTheChannelInTheWeekAndTheDay(String vendor) {
		OutreachStore store = store(vendor);
		store.insert(sent("in-window", "c-1", "email", NOW.minusSeconds(60)), "k1", false);
		store.insert(sent("window-start", "c-1", "email", WEEK_AGO), "k2", false);
		store.insert(sent("before-window", "c-1", "email", WEEK_AGO.minusSeconds(1)), "k3", false);
		store.insert(sent("at-window-end", "c-1", "email", NOW), "k4", false);
		store.insert(sent("other-channel", "c-1", "sms", NOW.minusSeconds(60)), "k5", false);
		store.insert(sent("other-customer", "c-2", "email", NOW.minusSeconds(60)), "k6", false);
		store.insert(record("not-sent", "c-1", "email", "r-a", "o-1", OutreachStatus.SCHEDULED, null), "k7", false);

		assertThat(store.countSent("c-1", "email", WEEK_AGO, NOW.minusSeconds(60), NOW))
			.as("a send at the day's start is in the day").isEqualTo(new OutreachStore.SentCounts(2, 1));
		assertThat(store.countSent("c-1", "email", WEEK_AGO, NOW.minusSeconds(59), NOW))
			.as("a send just before the day's start is in the week only")
			.isEqualTo(new OutreachStore.SentCounts(2, 0));
		assertThat(store.countSent("c-1", "sms", WEEK_AGO, WEEK_AGO, NOW))
			.isEqualTo(new OutreachStore.SentCounts(1, 1));
		assertThat(store.countSent("c-3", "email", WEEK_AGO, WEEK_AGO, NOW))
			.isEqualTo(new OutreachStore.SentCounts(0, 0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void anotherRulesWaitingOutreachAboutTheProblemAndOrderCounts(String vendor) {
		OutreachStore store = store(vendor);
		store.insert(record("waiting", "c-1", "email", "r-a", "o-1", OutreachStatus.SCHEDULED, null), "k1", false);
		store.insert(record("called-off", "c-1", "email", "r-c", "o-2", OutreachStatus.CANCELLED, null), "k2", false);

		assertThat(store.anotherAboutProblem("c-1", decided("o-1", "r-b"))).isTrue();
		assertThat(store.anotherAboutProblem("c-1", decided("o-1", "r-a"))).as("the same rule").isFalse();
		assertThat(store.anotherAboutProblem("c-1", decided("o-3", "r-b"))).as("another order").isFalse();
		assertThat(store.anotherAboutProblem("c-2", decided("o-1", "r-b"))).as("another customer").isFalse();
		assertThat(store.anotherAboutProblem("c-1", decided("o-2", "r-b"))).as("called off").isFalse();
	}

	private static Decided decided(String orderId, String rule) {
		return new Decided("order.late", orderId, rule, "why");
	}

	private static Outreach sent(String id, String customerId, String channel, Instant sentAt) {
		return record(id, customerId, channel, "r-sent", "o-" + id, OutreachStatus.SENT, sentAt);
	}

	private static Outreach record(String id, String customerId, String channel, String rule, String orderId,
			OutreachStatus status, Instant sentAt) {
		return new Outreach(id, customerId, orderId, rule, "v1", "order.late", channel, "order_late",
				NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(10)), status, null, sentAt, "why", null,
				null, SendPolicy.DEFAULT, null);
	}

	private static OutreachStore store(String place) {
		return OutreachPlaces.store(OutreachPlaces.rows(place, OutreachPlaces.database(databases, place)));
	}
}
