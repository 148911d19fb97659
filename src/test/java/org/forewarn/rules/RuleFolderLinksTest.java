package org.forewarn.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.forewarn.ConfigMapMount;
import org.forewarn.outreach.RuleVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules folder reached through links loads as the same rules: the folder itself a link, or its files links into a
 * hidden folder (how Kubernetes mounts a ConfigMap). Hidden files are not rules; a link to nothing or back to a folder
 * that contains it is named.
 */
class RuleFolderLinksTest {

	@TempDir
	Path work;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void aFolderThatIsALinkOrWhoseFilesAreLinksLoadsAsTheSameRules() throws IOException {
		Path copy = copyOfShippedRules(work.resolve("copy"));
		Path linked = Files.createSymbolicLink(work.resolve("linked"), copy);
		Path mounted = ConfigMapMount.of(copy, Files.createDirectories(work.resolve("mounted"))).path();
		Files.writeString(mounted.resolve(".draft.drl"), "rule \"an editor's unsaved copy, not a rule\" when");

		String expected = "OK, 18 rules in 4 files, version " + version(copy);
		assertThat(validate(linked)).isZero();
		assertThat(validate(mounted)).isZero();
		assertThat(out()).contains(linked + ": " + expected, mounted + ": " + expected);
		assertThat(err()).isEmpty();
	}

	@Test
	void aLinkToNothingAndALinkBackToItsFolderAreNamed() throws IOException {
		Path rules = copyOfShippedRules(work.resolve("rules"));
		Files.createSymbolicLink(rules.resolve("gone.drl"), work.resolve("moved-away.drl"));
		Files.createDirectories(rules.resolve("more"));
		Files.createSymbolicLink(rules.resolve("more/again"), rules);
		Files.createSymbolicLink(rules.resolve(".#orders.drl"), work.resolve("an-editor's-lock")); // hidden: not rules

		assertThat(validate(rules)).isEqualTo(1);

		assertThat(err()).isEqualTo(rules + "/gone.drl:?: a link to a file that does not exist: correct or remove the"
				+ " link\n" + rules + "/more/again:?: a link back to a folder that contains it: remove the link\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	private static Path copyOfShippedRules(Path target) throws IOException {
		Files.createDirectories(target);
		try (Stream<Path> files = Files.list(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		return target;
	}

	private String version(Path rules) {
		return RuleFiles.in(rules).version();
	}

	private int validate(Path folder) {
		return ValidateCommand.run(new String[] { folder.toString() }, print(out), print(err),
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
