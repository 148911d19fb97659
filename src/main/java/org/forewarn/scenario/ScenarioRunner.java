package org.forewarn.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.Outreach;
import org.forewarn.replay.ReplaySession;

/**
 * Runs scenarios through the replay path, each on an empty engine: its events in simulated time, then time on to
 * {@code at}, then the outreach records compared with the expected ones. Every expected record must be found, and
 * nothing else may have been decided.
 */
final class ScenarioRunner {

	private final ReplaySession session;

	ScenarioRunner(ReplaySession session) {
		this.session = session;
	}

	ScenarioResult run(Scenario scenario) {
		List<String> problems = new ArrayList<>();
		if (scenario.invalid() != null) {
			problems.add(scenario.invalid());
			return new ScenarioResult(scenario, problems);
		}
		session.reset();
		Instant last = Instant.EPOCH;
		for (Scenario.Given given : scenario.events()) {
			if (given.event().instant().isBefore(last)) {
				problems.add("line " + given.line() + ": events must be in time order; this one is earlier than the "
						+ "one before");
				return new ScenarioResult(scenario, problems);
			}
			last = given.event().instant();
			IntakeResult result = session.feed(given.event());
			if (result.status() != IntakeResult.Status.ACCEPTED) {
				problems.add("line " + given.line() + ": event " + given.event().id() + " was " + result.status()
						+ (result.reason() == null ? "" : ": " + result.reason()));
			}
		}
		if (scenario.at() != null) { // not before the last event: the file was refused otherwise
			session.advanceTo(scenario.at());
		}
		compare(scenario.expected(), session.outreach(), problems);
		return new ScenarioResult(scenario, problems);
	}

	private static void compare(List<Expectation> expected, List<Outreach> actual, List<String> problems) {
		List<Outreach> unmatched = new ArrayList<>(actual);
		List<Expectation> missing = new ArrayList<>();
		for (Expectation expectation : expected) {
			Outreach match = unmatched.stream().filter(expectation::matches).findFirst().orElse(null);
			if (match == null) {
				missing.add(expectation);
			}
			else {
				unmatched.remove(match);
			}
		}
		for (Expectation expectation : missing) {
			problems.add("line " + expectation.line() + ": expected " + expectation);
			Outreach closest = closest(expectation, unmatched);
			problems.add(closest == null ? "    but no other outreach was decided"
					: "    closest: " + Expectation.describe(closest) + "\n    differs in: "
							+ expectation.differences(closest));
		}
		for (Outreach extra : unmatched) {
			problems.add("not expected: " + Expectation.describe(extra));
		}
	}

	/** The record that differs from the expectation in the fewest fields. */
	private static Outreach closest(Expectation expectation, List<Outreach> candidates) {
		Outreach best = null;
		int fewest = Integer.MAX_VALUE;
		for (Outreach candidate : candidates) {
			int differing = expectation.differences(candidate).split(", ").length;
			if (differing < fewest) {
				fewest = differing;
				best = candidate;
			}
		}
		return best;
	}
}
