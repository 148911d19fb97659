package org.forewarn.replay;

import java.time.Instant;

import org.forewarn.engine.EventIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The replay profile: a clock that follows the events, wakeups kept in memory instead of Quartz, connections
 * taken only by transactions that use one, and a database without the console's indexes.
 */
@Configuration(proxyBeanMethods = false)
@Profile("replay")
class SimulatedTimeConfiguration {

	@Bean
	static LazyConnections lazyConnections() {
		return new LazyConnections();
	}

	@Bean
	ConsoleIndexes consoleIndexes() {
		return new ConsoleIndexes();
	}

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.EPOCH);
	}

	@Bean
	SimulatedWakeupScheduler wakeupScheduler() {
		return new SimulatedWakeupScheduler();
	}

	@Bean
	Replayer replayer(EventIntake intake, MutableClock clock, SimulatedWakeupScheduler wakeups) {
		return new Replayer(intake, clock, wakeups);
	}
}
