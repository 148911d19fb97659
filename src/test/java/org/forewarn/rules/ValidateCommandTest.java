package org.forewarn.rules;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.forewarn.outreach.RuleVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate [DIR]}: the shipped pack compiles; every error of a broken folder is named by file and line. */
class ValidateCommandTest {

	private static final String HEADER = """
			package forewarn.broken;
			import org.forewarn.customer.Order;
			global org.forewarn.rules.Decisions decide;
			""";

	@TempDir
	Path work;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void theShippedRulesCompile() {
		assertThat(validate("rules")).isZero();
		assertThat(out()).startsWith("rules: OK, 18 rules in 4 files, version ").doesNotContain("warning");
		assertThat(err()).isEmpty();
	}

	@Test
	void everyErrorIsPrintedAsFileLineMessage() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("syntax.drl"), HEADER + """

				rule "a parenthesis too few"
				when
				    $o : Order( open == true
				then
				    decide.problem( "x", $o.getOrderId() );
				end
				""");
		Files.createDirectories(rules.resolve("more"));
		Files.writeString(rules.resolve("more/fields.drl"), HEADER + """

				rule "a field that does not exist"
				when
				    $o : Order( shipedBy != null )
				then
				    decide.problem( "x", $o.getOrderId() );
				end
				""");

		assertThat(validate(rules.toString())).isEqualTo(1);

		assertThat(err()).contains(rules + "/syntax.drl:8: [ERR 102] Line 8:0 mismatched input 'then'")
			.contains(rules + "/more/fields.drl:7: Unable to Analyse Expression shipedBy != null")
			.contains(": 2 errors, the folder would be rejected");
	}

	@Test
	void aMissingFolderOrAWrongCallIsNotOk() {
		assertThat(validate(work.resolve("nowhere").toString())).isEqualTo(1);
		assertThat(err()).contains("rules folder does not exist");
		assertThat(ValidateCommand.run(new String[] { "a", "b" }, print(out), print(err), RuleContext.FILES_ONLY))
			.isEqualTo(2);
	}

	private int validate(String folder) {
		return ValidateCommand.run(new String[] { folder }, print(out), print(err),
				RuleVocabulary.fromSettings(Path.of("config/application.yml")));
	}

	private static PrintStream print(ByteArrayOutputStream buffer) {
		return new PrintStream(buffer, true, StandardCharsets.UTF_8);
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
