package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;

import org.forewarn.rules.Decided;

/** Where detections are kept, one per customer, problem, subject and rule. Writes take part in the caller's transaction. */
interface DetectionRows {

	/** Records a detection; one that had resolved opens again, keeping when it was first detected. */
	void open(String customerId, Decided d, String ruleVersion, Instant at);

	/** The customer's detections by the time they were detected; with {@code openOnly}, those not resolved. */
	List<Detection> find(String customerId, boolean openOnly);

	/** How often each rule detected each problem, over all customers, by problem, then rule. */
	List<DetectionCount> countByRule();

	/** Resolves the detection if it is still open. */
	void resolve(Detection d, Instant at, String reason);

	/** Drops every detection. */
	void clear();
}
