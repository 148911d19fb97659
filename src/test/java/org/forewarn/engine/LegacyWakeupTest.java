package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import javax.sql.DataSource;

import org.forewarn.ForewarnApp;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A wakeup an earlier version kept as a Quartz job still fires after the upgrade: through the wakeup table. */
class LegacyWakeupTest {

	@TempDir
	Path data;

	@Test
	void aQuartzWakeupFromBeforeTheUpgradeMovesToTheTableAndFiresOnce() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
			Wakeup wakeup = new Wakeup("legacy-1", due, "legacy-o", "shipBy");
			// as the earlier version scheduled it: one job and trigger per wakeup, named by its id
			app.bean(Scheduler.class).scheduleJob(JobBuilder.newJob(WakeupJob.class)
				.withIdentity(wakeup.id(), WakeupJob.GROUP)
				.usingJobData(WakeupJob.CUSTOMER, wakeup.customerId())
				.usingJobData(WakeupJob.AT, wakeup.at().toString())
				.usingJobData(WakeupJob.ORDER, wakeup.orderId())
				.usingJobData(WakeupJob.LABEL, wakeup.label())
				.requestRecovery()
				.build(), TriggerBuilder.newTrigger().withIdentity(wakeup.id(), WakeupJob.GROUP)
					.startAt(Date.from(due))
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionIgnoreMisfires())
					.build());
			JdbcClient db = JdbcClient.create(app.bean(DataSource.class));

			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (count(db, "select count(*) from event where id = 'timer-" + wakeup.id() + "'") == 0
					&& System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(count(db, "select count(*) from event where id = 'timer-" + wakeup.id() + "'")).isEqualTo(1);
			Thread.sleep(500); // the table's row goes once handed over, Quartz's once the job completed
			assertThat(count(db, "select count(*) from wakeup")).isZero();
			assertThat(count(db, "select count(*) from qrtz_triggers")).isZero();
		}
	}

	private static int count(JdbcClient db, String sql) {
		return db.sql(sql).query(Integer.class).single();
	}
}
