package org.forewarn.engine;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.health.HealthSettings;
import org.forewarn.health.ScheduledHealth;
import org.forewarn.outreach.OverdueWork;
import org.forewarn.shared.DatabaseKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the one path: clock, lanes, intake, and (outside replay) the wakeup table and its poller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EngineSettings.class, IntakeSettings.class, SweepSettings.class,
		WakeupSettings.class })
class EngineConfiguration {

	/**
	 * Ticks in microseconds, the most the database keeps: a time read from the clock is stored and read back as it
	 * was, so work made due "now" is due at that same "now" (stored, a time with nanoseconds may round up past it).
	 * Replay brings its own simulated clock.
	 */
	@Bean
	@Profile("!replay")
	Clock clock() {
		return new MicrosecondClock(Clock.systemUTC());
	}

	@Bean
	@Profile("!replay")
	WakeupTable wakeupScheduler(JdbcClient jdbc, JdbcTemplate batches, DatabaseKind database,
			TransactionTemplate transaction, Clock clock) {
		return new WakeupTable(jdbc, batches, database.postgres(), transaction, clock);
	}

	/** Started once the application is ready to process, stopped before the lanes close. */
	@Bean(destroyMethod = "close")
	@Profile("!replay")
	WakeupPoller wakeupPoller(WakeupTable table, WakeupHandOver handOver, WakeupSettings settings, Clock clock,
			MeterRegistry meters, WakeupWatch watch) {
		return new WakeupPoller(table, handOver, settings, clock, meters, watch::fired);
	}

	@Bean(destroyMethod = "close")
	@Profile("!replay")
	WakeupHandOver wakeupHandOver(EventIntake intake, ObjectProvider<WakeupDelivery> delivery,
			EngineSettings engine) {
		return new WakeupHandOver(intake, delivery.getIfAvailable(), 2 * engine.lanes());
	}

	@EventListener(ApplicationReadyEvent.class)
	void startWakeups(ApplicationReadyEvent ready) {
		ready.getApplicationContext().getBeanProvider(WakeupPoller.class).ifAvailable(WakeupPoller::start);
	}

	/** Replay fires every wakeup in order and cannot strand one; the live service sweeps for lost ones. */
	@Bean(initMethod = "start", destroyMethod = "close")
	@Profile("!replay")
	OverdueSweep overdueSweep(OverdueWork overdue, WakeupScheduler scheduler, SweepSettings settings, Clock clock) {
		return new OverdueSweep(overdue, scheduler, settings, clock);
	}

	@Bean(destroyMethod = "close")
	ShareSenders shareSenders(EngineSettings settings) {
		return new ShareSenders(settings.senders());
	}

	@Bean(destroyMethod = "close")
	EventIntake eventIntake(CustomerProcessor processor, EngineSettings settings, IntakeSettings intake,
			Clock clock, MeterRegistry meters) {
		return new EventIntake(processor, new CustomerLanes(settings.lanes()), clock, intake.maxClockSkew(), meters);
	}

	@Bean
	@Profile("!replay")
	WakeupWatch wakeupWatch(WakeupTable table, Clock clock, HealthSettings health, MeterRegistry meters) {
		return new WakeupWatch(table, clock, health.wakeups().maxLateness(), meters);
	}

	/** The {@code wakeups} health and the pending gauges, refreshed every forewarn.health.interval. */
	@Bean(destroyMethod = "close")
	@Profile("!replay")
	ScheduledHealth wakeupsHealthIndicator(WakeupWatch watch, HealthSettings health) {
		return ScheduledHealth.everyAfterStart("wakeups", health.interval(), watch::check);
	}
}
