package org.forewarn.outreach;

import java.time.Instant;

/** Whether a customer's personal data was erased at or after a moment; the data protection feature knows. */
public interface ErasedCustomers {

	/**
	 * True when the customer was erased at or after {@code moment}: outreach decided before then was about a person
	 * who asked to be forgotten, and nothing may follow from it (no fallback, no task asking staff to reach them).
	 */
	boolean erasedSince(String customerId, Instant moment);
}
