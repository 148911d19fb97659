package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;

import org.forewarn.rules.Decided;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.forewarn.outreach.OutreachStore.instant;
import static org.forewarn.outreach.OutreachStore.utc;

/** Problems the rules detected per customer: when each began and when (and why) it resolved. */
@Repository
public class DetectionStore {

	private final JdbcClient jdbc;

	DetectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a detection; one that had resolved opens again. */
	void open(String customerId, Decided d, String ruleVersion, Instant at) {
		int reopened = jdbc.sql("update detection set resolved_at = null, resolved_reason = null where customer_id = ? "
				+ "and problem = ? and subject = ? and rule_name = ? and resolved_at is not null")
			.params(customerId, d.problem(), d.subject(), d.rule()).update();
		boolean exists = reopened > 0 || jdbc.sql("select count(*) from detection where customer_id = ? "
				+ "and problem = ? and subject = ? and rule_name = ?")
			.params(customerId, d.problem(), d.subject(), d.rule()).query(Integer.class).single() > 0;
		if (!exists) {
			jdbc.sql("insert into detection (customer_id, problem, subject, rule_name, rule_version, detected_at, "
					+ "explanation) values (?, ?, ?, ?, ?, ?, ?)")
				.params(customerId, d.problem(), d.subject(), d.rule(), ruleVersion, utc(at), ColumnText.fit(d.explanation(), 10_000))
				.update();
		}
	}

	List<Detection> findOpen(String customerId) {
		return find(customerId, " and resolved_at is null");
	}

	public List<Detection> findByCustomer(String customerId) {
		return find(customerId, "");
	}

	private List<Detection> find(String customerId, String condition) {
		return jdbc.sql("select problem, subject, rule_name, rule_version, detected_at, resolved_at, resolved_reason, "
				+ "explanation from detection where customer_id = ?" + condition + " order by detected_at")
			.param(customerId)
			.query((rs, row) -> new Detection(customerId, rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), instant(rs, "detected_at"), instant(rs, "resolved_at"), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	/** How often each rule detected each problem, over all customers. */
	public List<DetectionCount> countByRule() {
		return jdbc.sql("select problem, rule_name, count(*) from detection group by problem, rule_name "
				+ "order by problem, rule_name")
			.query((rs, row) -> new DetectionCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	void resolve(Detection d, Instant at, String reason) {
		jdbc.sql("update detection set resolved_at = ?, resolved_reason = ? where customer_id = ? and problem = ? "
				+ "and subject = ? and rule_name = ? and resolved_at is null")
			.params(utc(at), ColumnText.fit(reason, 500), d.customerId(), d.problem(), d.subject(), d.rule())
			.update();
	}
}
