package org.forewarn.rules.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleError;
import org.forewarn.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule file emptied by an editor or a copy in progress never replaces the running rules (their deadline checks and
 * waiting outreach would be withdrawn); deleting the file is how its rules are removed.
 */
class CutShortRuleFileTest {

	@TempDir
	Path work;

	@Test
	void anEmptiedRuleFileIsRejectedAndADeletedOneRemovesItsRules() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
		RuleEngine engine = new RuleEngine(loader.load(rules));
		RuleReloader reloader = new RuleReloader(loader, engine, rules, Clock.systemUTC(), new SimpleMeterRegistry());
		String running = engine.current().version();

		Files.writeString(rules.resolve("orders.drl"), "");
		ReloadAttempt emptied = reloader.reload("file change");

		assertThat(emptied.outcome()).isEqualTo(ReloadAttempt.Outcome.REJECTED);
		assertThat(emptied.errors()).extracting(RuleError::file).containsExactly("orders.drl");
		assertThat(emptied.errors().get(0).message()).contains("defines no rule", "delete the file");
		assertThat(engine.current().version()).isEqualTo(running);
		assertThat(engine.current().rules()).hasSize(18);

		Files.delete(rules.resolve("orders.drl"));
		ReloadAttempt deleted = reloader.reload("file change");

		assertThat(deleted.outcome()).isEqualTo(ReloadAttempt.Outcome.LOADED);
		assertThat(engine.current().rules()).hasSize(13);
	}
}
