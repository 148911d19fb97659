package org.forewarn.engine;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.outreach.OverdueWork;
import org.quartz.Scheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Wires the one path: clock, lanes, intake, and (outside replay) the Quartz-backed wakeups. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EngineSettings.class, IntakeSettings.class, SweepSettings.class })
class EngineConfiguration {

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

	/** Replay fires every wakeup in order and cannot strand one; the live service sweeps for lost ones. */
	@Bean(initMethod = "start", destroyMethod = "close")
	@Profile("!replay")
	OverdueSweep overdueSweep(OverdueWork overdue, WakeupScheduler scheduler, SweepSettings settings, Clock clock) {
		return new OverdueSweep(overdue, scheduler, settings, clock);
	}

	@Bean(destroyMethod = "close")
	EventIntake eventIntake(CustomerProcessor processor, EngineSettings settings, IntakeSettings intake,
			Clock clock, MeterRegistry meters) {
		return new EventIntake(processor, new CustomerLanes(settings.lanes()), clock, intake.maxClockSkew(), meters);
	}
}
