package org.forewarn.engine;

import java.time.Instant;

import org.forewarn.rules.Wakeup;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** A due wakeup: hands it to the intake, which processes it in the customer's lane like any event. */
@DisallowConcurrentExecution
class WakeupJob extends QuartzJobBean {

	static final String CUSTOMER = "customerId";
	static final String AT = "at";
	static final String ORDER = "orderId";
	static final String LABEL = "label";

	private final EventIntake intake;

	WakeupJob(EventIntake intake) {
		this.intake = intake;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		Wakeup wakeup = new Wakeup(data.getString(CUSTOMER), Instant.parse(data.getString(AT)),
				data.getString(ORDER), data.getString(LABEL));
		IntakeResult result = intake.fire(wakeup);
		if (result.status() == IntakeResult.Status.FAILED) {
			// Quartz runs the job again at once; the timer event id keeps it from acting twice
			throw new JobExecutionException(result.reason(), true);
		}
	}
}
