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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A due wakeup: hands it to the intake, which processes it in the customer's lane like any event, or to the
 * {@link WakeupDelivery} that routes it to the instance owning the customer. When that fails for now (the database
 * or the broker is unavailable) the wakeup is tried again later, with a growing pause, never in a tight loop.
 */
@DisallowConcurrentExecution
class WakeupJob extends QuartzJobBean {

	private static final Logger log = LoggerFactory.getLogger(WakeupJob.class);

	static final String CUSTOMER = "customerId";
	static final String AT = "at";
	static final String ORDER = "orderId";
	static final String LABEL = "label";
	static final String RETRY = "retry";
	static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
	static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

	private final EventIntake intake;
	private final WakeupDelivery delivery;

	WakeupJob(EventIntake intake, ObjectProvider<WakeupDelivery> delivery) {
		this.intake = intake;
		this.delivery = delivery.getIfAvailable();
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		Wakeup wakeup = new Wakeup(data.getString(CUSTOMER), Instant.parse(data.getString(AT)),
				data.getString(ORDER), data.getString(LABEL));
		String failure = handOver(wakeup);
		if (failure != null) {
			int retry = data.containsKey(RETRY) ? data.getInt(RETRY) + 1 : 1;
			retryLater(context, wakeup, retry, failure);
		}
	}

	/** Null when the wakeup was handled (or can never be); the reason when it may pass. */
	private String handOver(Wakeup wakeup) {
		if (delivery != null) {
			try {
				delivery.deliver(wakeup);
				return null;
			}
			catch (RuntimeException e) {
				return "cannot deliver: " + e.getMessage();
			}
		}
		IntakeResult result = intake.fire(wakeup);
		if (result.status() == IntakeResult.Status.REJECTED) {
			log.error("Wakeup {} ({}) of customer {} was rejected and is dropped: {}", wakeup.label(), wakeup.at(),
					LogContext.customerRef(wakeup.customerId()), result.reason());
		}
		return result.status() == IntakeResult.Status.FAILED ? result.reason() : null;
	}

	/** Another trigger for the same job keeps it (and the wakeup) in the store; the timer event id acts once. */
	private static void retryLater(JobExecutionContext context, Wakeup wakeup, int retry, String failure)
			throws JobExecutionException {
		Duration pause = pause(retry);
		log.warn("Wakeup {} ({}) of customer {} failed for now (retry {} in {}): {}", wakeup.label(), wakeup.at(),
				LogContext.customerRef(wakeup.customerId()), retry, pause, failure);
		try {
			context.getScheduler().scheduleJob(TriggerBuilder.newTrigger()
				.forJob(context.getJobDetail().getKey())
				.withIdentity(wakeup.id() + "-retry-" + retry, QuartzWakeupScheduler.GROUP)
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

	static Duration pause(int retry) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(retry - 1, 16));
		return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
	}
}
