package org.forewarn.customer;

import java.time.Instant;

/**
 * A wakeup the rules asked for when they last looked at the customer, kept with the state to withdraw it later;
 * {@code plain}: some rule asked for it with a plain {@code wakeAt}, so it is never withdrawn.
 */
public record AskedWakeup(Instant at, String orderId, String label, boolean plain) {
}
