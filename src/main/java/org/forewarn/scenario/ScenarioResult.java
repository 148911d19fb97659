package org.forewarn.scenario;

import java.util.List;

/** How one scenario went: passed, or failed with what was wrong, one point a line. */
record ScenarioResult(Scenario scenario, List<String> problems) {

	boolean passed() {
		return problems.isEmpty();
	}
}
