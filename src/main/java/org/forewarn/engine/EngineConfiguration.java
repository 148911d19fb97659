package org.forewarn.engine;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.outreach.OverdueWork;
import org.forewarn.health.HealthSettings;
import org.forewarn.health.ScheduledHealth;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
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
			Clock clock, MeterRegistry meters, ObjectProvider<WakeupWatch> watch) {
		WakeupWatch wakeups = watch.getIfAvailable();
		return new EventIntake(processor, new CustomerLanes(settings.lanes()), clock, intake.maxClockSkew(), meters,
				wakeups == null ? late -> { } : wakeups::fired);
	}

	@Bean
	@Profile("!replay")
	WakeupWatch wakeupWatch(JdbcClient jdbc, Scheduler scheduler, Clock clock, HealthSettings health,
			MeterRegistry meters) throws SchedulerException {
		return new WakeupWatch(jdbc, scheduler.getSchedulerName(), clock, health.wakeups().maxLateness(), meters);
	}

	/** The {@code wakeups} health and the pending gauges, refreshed every forewarn.health.interval. */
	@Bean(destroyMethod = "close")
	@Profile("!replay")
	ScheduledHealth wakeupsHealthIndicator(WakeupWatch watch, HealthSettings health) {
		return ScheduledHealth.everyAfterStart("wakeups", health.interval(), watch::check);
	}
}
