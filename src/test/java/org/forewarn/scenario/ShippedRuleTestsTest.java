package org.forewarn.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario tests shipped in rules/tests/ pass against the shipped rules. */
class ShippedRuleTestsTest {

	@Test
	void everyShippedScenarioPasses() {
		ByteArrayOutputStream report = new ByteArrayOutputStream();

		int exit = ScenarioCommand.run(new String[] { "rules" }, new PrintStream(report, true, StandardCharsets.UTF_8));

		String text = report.toString(StandardCharsets.UTF_8);
		assertThat(text).as(text).doesNotContain("FAIL", "ERROR").containsPattern("\\d+ scenarios: \\d+ passed, 0 failed");
		assertThat(exit).as(text).isZero();
	}
}
