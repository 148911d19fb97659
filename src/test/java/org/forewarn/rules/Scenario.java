package org.forewarn.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.forewarn.engine.IntakeResult;
import org.forewarn.event.EventParser;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.StatusChange;
import org.forewarn.replay.Replayer;

/**
 * One customer's story in simulated time: feed events at given times, let the clock run (wakeups fire on the way),
 * then look at the outreach decided for this customer. Times are "day n of the scenario at hh:mm UTC".
 */
final class Scenario {

	/** The first scenario starts here; later ones start at least 30 days after the clock, which only moves forward. */
	private static final Instant FIRST_DAY = Instant.parse("2026-11-02T00:00:00Z");
	private static final Duration GAP = Duration.ofDays(30);

	private final String customerId;
	private final Replayer replayer;
	private final OutreachStore outreach;
	private final Instant day0;
	private int sequence;

	Scenario(String customerId, Replayer replayer, OutreachStore outreach) {
		this.customerId = customerId;
		this.replayer = replayer;
		this.outreach = outreach;
		Instant afterEarlierScenarios = replayer.now().truncatedTo(ChronoUnit.DAYS).plus(GAP);
		this.day0 = afterEarlierScenarios.isAfter(FIRST_DAY) ? afterEarlierScenarios : FIRST_DAY;
	}

	String customerId() {
		return customerId;
	}

	/** Day {@code day} of this scenario at {@code hour}:00 UTC. */
	Instant day(int day, int hour) {
		return day(day, hour, 0);
	}

	Instant day(int day, int hour, int minute) {
		return day0.plus(Duration.ofDays(day).plusHours(hour).plusMinutes(minute));
	}

	/** Feeds the events, in order, all happening at {@code time}; fails unless each is accepted. */
	void at(Instant time, Events.Draft... events) {
		for (Events.Draft event : events) {
			IntakeResult result = feed(time, event);
			assertThat(result.status()).as("intake of %s: %s", event, result.reason())
				.isEqualTo(IntakeResult.Status.ACCEPTED);
		}
	}

	/** Feeds one event at {@code time} through JSON and the parser, as any source would, and returns the answer. */
	IntakeResult feed(Instant time, Events.Draft event) {
		String id = customerId + "/" + (event.id() != null ? event.id() : "e" + ++sequence);
		return replayer.feed(EventParser.parse(event.json(id, time, customerId)));
	}

	/** Lets simulated time run to {@code time}: every wakeup due by then fires at its own time. */
	void advanceTo(Instant time) {
		replayer.advanceTo(time);
	}

	/** Every outreach record of this customer, in decision order. */
	List<Outreach> outreach() {
		return outreach.findByCustomer(customerId);
	}

	/** The one outreach record of this customer; fails when there is none or more. */
	Outreach only() {
		List<Outreach> all = outreach();
		assertThat(all).as("outreach of %s", customerId).hasSize(1);
		return all.get(0);
	}

	/** The one record decided by {@code rule}; fails when there is none or more. */
	Outreach only(String rule) {
		List<Outreach> byRule = outreach().stream().filter(o -> o.rule().equals(rule)).toList();
		assertThat(byRule).as("outreach of %s by rule '%s' among %s", customerId, rule, outreach()).hasSize(1);
		return byRule.get(0);
	}

	void expectNoOutreach(String rule) {
		assertThat(outreach()).as("outreach of %s", customerId).noneMatch(o -> o.rule().equals(rule));
	}

	void expectNoOutreach() {
		assertThat(outreach()).as("outreach of %s", customerId).isEmpty();
	}

	List<StatusChange> history(Outreach record) {
		return outreach.history(record.id());
	}
}
