package org.forewarn.scenario;

import java.io.PrintStream;

/** The pass/fail report of a scenario run, printed as it goes. */
final class ScenarioReport {

	private final PrintStream out;
	private int passed;
	private int failed;
	private int unreadable;

	ScenarioReport(PrintStream out) {
		this.out = out;
	}

	void header(String folder, String version) {
		out.println("Rule tests for " + folder + " (rule set " + version + ")");
	}

	void file(String file) {
		out.println();
		out.println(file);
	}

	void result(ScenarioResult result) {
		if (result.passed()) {
			passed++;
			out.println("  PASS  " + result.scenario().name());
			return;
		}
		failed++;
		out.println("  FAIL  " + result.scenario().name() + "   (" + result.scenario().where() + ")");
		result.problems().forEach(p -> out.println("        " + p.replace("\n", "\n        ")));
	}

	void unreadable(String message) {
		unreadable++;
		out.println("  ERROR " + message);
	}

	/** Prints the totals; true when everything passed. */
	boolean finish() {
		out.println();
		out.printf("%d scenario%s: %d passed, %d failed%s%n", passed + failed, passed + failed == 1 ? "" : "s", passed,
				failed, unreadable == 0 ? "" : ", " + unreadable + " file" + (unreadable == 1 ? "" : "s")
						+ " could not be read");
		return failed == 0 && unreadable == 0;
	}
}
