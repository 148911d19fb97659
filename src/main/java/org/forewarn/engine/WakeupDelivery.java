package org.forewarn.engine;

import org.forewarn.rules.Wakeup;

/**
 * How a due wakeup reaches its customer's lane when it should not be processed where Quartz fired it, e.g. produced
 * to the events topic so that the instance owning the customer's partition processes it. Without such a bean the
 * wakeup is processed in this instance's lanes.
 */
public interface WakeupDelivery {

	/** Hands the wakeup on; throws when it could not, so the job runs again. */
	void deliver(Wakeup wakeup);
}
