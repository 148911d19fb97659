package org.forewarn.engine;

import java.util.Date;

import org.forewarn.rules.Wakeup;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Wakeups as Quartz jobs in the JDBC job store, so they survive restarts. A wakeup missed while the application was
 * down fires as soon as it is back.
 */
class QuartzWakeupScheduler implements WakeupScheduler {

	static final String GROUP = "forewarn-wakeups";

	private final Scheduler scheduler;

	QuartzWakeupScheduler(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void schedule(Wakeup wakeup) {
		String name = wakeup.id();
		JobKey key = JobKey.jobKey(name, GROUP);
		JobDetail job = JobBuilder.newJob(WakeupJob.class)
			.withIdentity(key)
			.usingJobData(WakeupJob.CUSTOMER, wakeup.customerId())
			.usingJobData(WakeupJob.AT, wakeup.at().toString())
			.usingJobData(WakeupJob.ORDER, wakeup.orderId())
			.usingJobData(WakeupJob.LABEL, wakeup.label())
			.requestRecovery()
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(name, GROUP)
			// already due (late event, restart, an instance taking over): fires at once, and overdue wakeups fire
			// in the order they were due rather than all "now" in any order
			.startAt(Date.from(wakeup.at()))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionIgnoreMisfires())
			.build();
		try {
			if (!scheduler.checkExists(key)) {
				scheduler.scheduleJob(job, trigger);
			}
		}
		catch (ObjectAlreadyExistsException e) {
			// scheduled meanwhile: asking twice schedules once
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("cannot schedule wakeup " + wakeup, e);
		}
	}
}
