package org.forewarn.rules.reload;

import java.nio.file.Path;
import java.util.List;

import org.forewarn.replay.ReplaySession;
import org.forewarn.rules.RuleBuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start refused for rules that do not compile says which file and line, once, and what to do: no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class RulesFailureAnalyzerTest {

	@Test
	void aRuleThatDoesNotCompileIsReportedByFileAndLineWithoutAStackTrace(@TempDir Path dir, CapturedOutput output) {
		Path rules = RulesFolder.copyOfShippedRules(dir.resolve("rules"));
		RulesFolder.write(rules.resolve("broken.drl"), """
				package forewarn.broken

				rule "calls what does not exist"
				when
				then
				    noSuchMethod();
				end
				""");

		assertThatThrownBy(() -> ReplaySession.start(List.of("--forewarn.rules=" + rules)))
			.hasRootCauseInstanceOf(RuleBuildException.class);

		String report = output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("rules in " + rules + " do not compile:", "broken.drl:6:",
				"java -jar forewarn.jar validate");
		assertThat(output.getAll()).doesNotContain("Application run failed").doesNotContain("\tat org.")
			.as("reported once").doesNotContain("Exception encountered during context initialization");
	}

	@Test
	void aMissingRulesFolderIsNamed(@TempDir Path dir, CapturedOutput output) {
		Path missing = dir.resolve("no-such-rules");

		assertThatThrownBy(() -> ReplaySession.start(List.of("--forewarn.rules=" + missing)))
			.hasRootCauseInstanceOf(RuleBuildException.class);

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "rules folder does not exist",
				"Start Forewarn from the folder that holds rules/ and config/ (this one is "
						+ Path.of("").toAbsolutePath() + "), or set forewarn.rules to the rules folder.")
			.doesNotContain("\tat org.", "Correct the rules named above");
	}
}
