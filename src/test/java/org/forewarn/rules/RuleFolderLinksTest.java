package org.forewarn.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.forewarn.ConfigMapMount;
import org.forewarn.rules.reload.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules folder reached through links loads as the same rules: the folder itself a link, or its files links into a
 * hidden folder (how Kubernetes mounts a ConfigMap). Hidden files are not rules; a link to nothing or back to a folder
 * that contains it is named. Excel's lock file ({@code ~$} before the workbook's name) is hidden too.
 */
class RuleFolderLinksTest {

	@TempDir
	Path work;

	private final ValidateRun run = new ValidateRun();

	@Test
	void aFolderThatIsALinkOrWhoseFilesAreLinksLoadsAsTheSameRules() throws IOException {
		Path copy = RulesFolder.copyOfShippedRules(work.resolve("copy"));
		Path linked = Files.createSymbolicLink(work.resolve("linked"), copy);
		Path mounted = ConfigMapMount.of(copy, Files.createDirectories(work.resolve("mounted"))).path();
		Files.writeString(mounted.resolve(".draft.drl"), "rule \"an editor's unsaved copy, not a rule\" when");

		String expected = "OK, 18 rules in 4 files, version " + version(copy);
		assertThat(run.validate(linked)).isZero();
		assertThat(run.validate(mounted)).isZero();
		assertThat(run.out()).contains(linked + ": " + expected, mounted + ": " + expected);
		assertThat(run.err()).isEmpty();
	}

	@Test
	void aLinkToNothingAndALinkBackToItsFolderAreNamed() throws IOException {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		Files.createSymbolicLink(rules.resolve("gone.drl"), work.resolve("moved-away.drl"));
		Files.createDirectories(rules.resolve("more"));
		Files.createSymbolicLink(rules.resolve("more/again"), rules);
		Files.createSymbolicLink(rules.resolve(".#orders.drl"), work.resolve("an-editor's-lock")); // hidden: not rules

		assertThat(run.validate(rules)).isEqualTo(1);

		assertThat(run.err()).isEqualTo(rules + "/gone.drl:?: a link to a file that does not exist: correct or remove the"
				+ " link\n" + rules + "/more/again:?: a link back to a folder that contains it: remove the link\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void excelsLockFileBesideAnOpenWorkbookIsNotATable() throws IOException {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		byte[] lock = new byte[165]; // the user's name and padding, not a workbook
		lock[0] = 5;
		System.arraycopy("lea".getBytes(), 0, lock, 1, 3);
		Files.write(rules.resolve("~$shipment-exceptions.xlsx"), lock);

		assertThat(run.validate(rules)).isZero();
		assertThat(run.out()).contains(rules + ": OK, 18 rules in 4 files, version " + version(Path.of("rules")));
		assertThat(run.err()).isEmpty();
	}

	private String version(Path rules) {
		return RuleFiles.in(rules).version();
	}
}
