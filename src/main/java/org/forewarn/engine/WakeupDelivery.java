package org.forewarn.engine;

import java.util.List;
import java.util.Map;

import org.forewarn.rules.Wakeup;

/**
 * How due wakeups reach their customers' lanes when they should not be processed where they were taken, e.g.
 * produced to the events topic so that the instance owning each customer's partition processes it. Without such a
 * bean the wakeups are processed in this instance's lanes.
 */
public interface WakeupDelivery {

	/** Hands the wakeups on; the reason for each one that could not be, which is tried again later. */
	Map<Wakeup, String> deliver(List<Wakeup> wakeups);
}
