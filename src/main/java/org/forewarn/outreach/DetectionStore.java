package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;

import org.forewarn.rules.Decided;
import org.forewarn.shared.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Problems the rules detected per customer: when each began and when (and why) it resolved. In the {@code detection}
 * table, or in memory ({@link DetectionStoreSettings}).
 */
@Repository
public class DetectionStore {

	/** What the columns hold of a detection's explanation and of the reason it resolved. */
	static final int EXPLANATION_SIZE = 10_000;
	static final int REASON_SIZE = 500;

	private final DetectionRows rows;

	DetectionStore(JdbcClient jdbc, DatabaseKind database, DetectionStoreSettings settings) {
		this.rows = settings.inMemory() ? new MemoryDetectionRows() : new TableDetectionRows(jdbc, database.postgres());
	}

	/** Records a detection; one that had resolved opens again. */
	void open(String customerId, Decided d, String ruleVersion, Instant at) {
		rows.open(customerId, d, ruleVersion, at);
	}

	List<Detection> findOpen(String customerId) {
		return rows.find(customerId, true);
	}

	public List<Detection> findByCustomer(String customerId) {
		return rows.find(customerId, false);
	}

	/** How often each rule detected each problem, over all customers. */
	public List<DetectionCount> countByRule() {
		return rows.countByRule();
	}

	void resolve(Detection d, Instant at, String reason) {
		rows.resolve(d, at, reason);
	}

	/** Drops every detection: for a replay starting over. */
	public void forgetAll() {
		rows.clear();
	}
}
