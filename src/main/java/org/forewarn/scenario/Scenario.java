package org.forewarn.scenario;

import java.time.Instant;
import java.util.List;

import org.forewarn.event.Event;

/**
 * One rule test: given these events, optionally let time run on to {@code at}, then expect exactly these outreach
 * records (an empty list: no outreach at all). {@code invalid} says what is wrong with a scenario that cannot run.
 */
record Scenario(String file, int line, String name, List<Given> events, Instant at, List<Expectation> expected,
		String invalid) {

	/** A scenario written wrongly: it fails with {@code problem} (which names the line) and the others still run. */
	static Scenario invalid(String file, int line, String name, String problem) {
		return new Scenario(file, line, name, List.of(), null, List.of(), problem);
	}

	/** An event of the scenario with the line it was written on. */
	record Given(int line, Event event) {
	}

	String where() {
		return file + ":" + line;
	}
}
