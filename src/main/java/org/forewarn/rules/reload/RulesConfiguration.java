package org.forewarn.rules.reload;

import java.nio.file.Path;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.rules.RuleContext;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleSet;
import org.forewarn.rules.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The running rule set: loaded from the folder at start, reloaded on request or when a file changes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesSettings.class)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	@Bean
	RuleSetLoader ruleSetLoader(Clock clock, RuleContext context) {
		return new RuleSetLoader(clock, context);
	}

	@Bean
	RuleEngine ruleEngine(RuleSetLoader loader, RulesSettings settings, Clock clock, MeterRegistry meters) {
		Path folder = folder(settings);
		RuleSet rules = loader.load(folder, false);
		log.info("Rules from {}: {} rules in {} files, version {}", folder, rules.rules().size(), rules.files().size(),
				rules.version());
		rules.warnings().forEach(w -> log.warn("Rules: {}", w));
		return new RuleEngine(rules, clock, meters);
	}

	@Bean
	RuleReloader ruleReloader(RuleSetLoader loader, RuleEngine engine, RulesSettings settings, Clock clock,
			MeterRegistry meters) {
		return new RuleReloader(loader, engine, folder(settings), clock, meters);
	}

	/** Replay runs one fixed rule set from start to end; only the live service watches the folder. */
	@Bean(initMethod = "start", destroyMethod = "close")
	@Profile("!replay")
	@ConditionalOnProperty(name = "forewarn.rules-watch.enabled", havingValue = "true", matchIfMissing = true)
	RulesFolderWatcher rulesFolderWatcher(RuleReloader reloader, RulesSettings settings) {
		return new RulesFolderWatcher(reloader.folder(), settings.rulesWatch().debounce(), settings.rulesWatch().poll(),
				new RulesFolderWatcher.Rules() {
					@Override
					public String fingerprint() {
						return reloader.fingerprintNow();
					}

					@Override
					public String loaded() {
						return reloader.fingerprint();
					}

					@Override
					public void reload() {
						reloader.reload("file change");
					}

					@Override
					public void watching(boolean on) {
						reloader.watching(on);
					}
				});
	}

	private static Path folder(RulesSettings settings) {
		return Path.of(settings.rules()).toAbsolutePath().normalize();
	}
}
