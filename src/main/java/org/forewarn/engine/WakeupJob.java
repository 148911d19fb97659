package org.forewarn.engine;

import java.time.Instant;

import org.forewarn.rules.Wakeup;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A due wakeup: hands it to the intake, which processes it in the customer's lane like any event, or to the
 * {@link WakeupDelivery} that routes it to the instance owning the customer.
 */
@DisallowConcurrentExecution
class WakeupJob extends QuartzJobBean {

	static final String CUSTOMER = "customerId";
	static final String AT = "at";
	static final String ORDER = "orderId";
	static final String LABEL = "label";

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
		if (delivery != null) {
			try {
				delivery.deliver(wakeup);
				return;
			}
			catch (RuntimeException e) {
				// Quartz runs the job again at once; the timer event id keeps a second delivery from acting twice
				throw new JobExecutionException("cannot deliver wakeup " + wakeup.id() + ": " + e.getMessage(), e, true);
			}
		}
		IntakeResult result = intake.fire(wakeup);
		if (result.status() == IntakeResult.Status.FAILED) {
			// Quartz runs the job again at once; the timer event id keeps it from acting twice
			throw new JobExecutionException(result.reason(), true);
		}
	}
}
