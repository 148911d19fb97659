package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Clock;

import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleSet;
import org.forewarn.rules.RuleSetLoader;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Wires the one path: clock, rules, lanes, intake, and (outside replay) the Quartz-backed wakeups. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineSettings.class)
class EngineConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

	/** Replay brings its own simulated clock. */
	@Bean
	@Profile("!replay")
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@Profile("!replay")
	WakeupScheduler wakeupScheduler(Scheduler scheduler) {
		return new QuartzWakeupScheduler(scheduler);
	}

	@Bean
	RuleEngine ruleEngine(EngineSettings settings, Clock clock) {
		Path folder = Path.of(settings.rules()).toAbsolutePath().normalize();
		RuleSet rules = new RuleSetLoader(clock).load(folder);
		log.info("Rules from {}: {} rules in {} files, version {}", folder, rules.rules().size(), rules.files().size(),
				rules.version());
		return new RuleEngine(rules);
	}

	@Bean(destroyMethod = "close")
	EventIntake eventIntake(CustomerProcessor processor, EngineSettings settings) {
		return new EventIntake(processor, new CustomerLanes(settings.lanes()));
	}
}
