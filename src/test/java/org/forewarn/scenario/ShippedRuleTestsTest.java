package org.forewarn.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.forewarn.ConfigMapMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario tests shipped in rules/tests/ pass against the shipped rules, also when both are mounted as links. */
class ShippedRuleTestsTest {

	@TempDir
	Path work;

	@Test
	void everyShippedScenarioPasses() {
		String text = passing(Path.of("rules"));

		assertThat(text).containsPattern("\\d+ scenarios: \\d+ passed, 0 failed");
	}

	@Test
	void rulesAndTestsMountedLikeConfigMapsRunEachScenarioOnce() throws IOException {
		Path rules = ConfigMapMount.of(Path.of("rules"), Files.createDirectories(work.resolve("rules"))).path();
		ConfigMapMount.of(Path.of("rules/tests"), Files.createDirectories(rules.resolve("tests")));

		assertThat(summary(passing(rules))).isEqualTo(summary(passing(Path.of("rules"))));
	}

	private static String passing(Path rules) {
		ByteArrayOutputStream report = new ByteArrayOutputStream();

		int exit = ScenarioCommand.run(new String[] { rules.toString() },
				new PrintStream(report, true, StandardCharsets.UTF_8));

		String text = report.toString(StandardCharsets.UTF_8);
		assertThat(text).as(text).doesNotContain("FAIL", "ERROR");
		assertThat(exit).as(text).isZero();
		return text;
	}

	private static String summary(String report) {
		return report.lines().filter(line -> line.matches("\\d+ scenarios: .*")).findFirst().orElseThrow();
	}
}
