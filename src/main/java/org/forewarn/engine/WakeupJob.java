package org.forewarn.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.forewarn.logging.LogContext;
import org.forewarn.rules.Wakeup;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A wakeup kept as a Quartz job by a version before the {@code wakeup} table: when it fires, it moves itself into
 * the table, where the poller hands it over at once (it is due). When the table cannot be written for now, the job
 * runs again later, with a growing pause, so no wakeup of before the upgrade is lost.
 */
@DisallowConcurrentExecution
class WakeupJob extends QuartzJobBean {

	private static final Logger log = LoggerFactory.getLogger(WakeupJob.class);

	static final String GROUP = "forewarn-wakeups";
	static final String CUSTOMER = "customerId";
	static final String AT = "at";
	static final String ORDER = "orderId";
	static final String LABEL = "label";
	static final String RETRY = "retry";

	private final WakeupScheduler wakeups;

	WakeupJob(WakeupScheduler wakeups) {
		this.wakeups = wakeups;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		Wakeup wakeup = new Wakeup(data.getString(CUSTOMER), Instant.parse(data.getString(AT)),
				data.getString(ORDER), data.getString(LABEL));
		try {
			wakeups.schedule(wakeup);
		}
		catch (RuntimeException e) {
			int retry = data.containsKey(RETRY) ? data.getInt(RETRY) + 1 : 1;
			retryLater(context, wakeup, retry, e.getMessage());
		}
	}

	/** Another trigger for the same job keeps it (and the wakeup) in the store. */
	private static void retryLater(JobExecutionContext context, Wakeup wakeup, int retry, String failure)
			throws JobExecutionException {
		Duration pause = WakeupPoller.pause(retry);
		log.warn("Wakeup {} ({}) of customer {} could not be moved to the wakeup table (retry {} in {}): {}",
				wakeup.label(), wakeup.at(), LogContext.customerRef(wakeup.customerId()), retry, pause, failure);
		try {
			context.getScheduler().scheduleJob(TriggerBuilder.newTrigger()
				.forJob(context.getJobDetail().getKey())
				.withIdentity(wakeup.id() + "-retry-" + retry, GROUP)
				.usingJobData(RETRY, retry)
				.startAt(Date.from(Instant.now().plus(pause)))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}
		catch (SchedulerException e) {
			// the store itself is unreachable: let Quartz recover the job (requestRecovery) once it is back
			throw new JobExecutionException("cannot schedule a retry of wakeup " + wakeup.id(), e, false);
		}
	}
}
