package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;

import org.forewarn.rules.Decided;
import org.forewarn.shared.ColumnText;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/** Detections in the {@code detection} table. */
final class TableDetectionRows implements DetectionRows {

	private static final String INSERT = "insert into detection (customer_id, problem, subject, rule_name, "
			+ "rule_version, detected_at, explanation) values (?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;
	/** PostgreSQL inserts or reopens in one statement ({@code on conflict}); H2 asks first. */
	private final boolean postgres;

	TableDetectionRows(JdbcClient jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.postgres = postgres;
	}

	@Override
	public void open(String customerId, Decided d, String ruleVersion, Instant at) {
		Object[] values = {customerId, d.problem(), d.subject(), d.rule(), ruleVersion, utc(at),
				ColumnText.fit(d.explanation(), DetectionStore.EXPLANATION_SIZE)};
		if (postgres) { // one round trip instead of up to three; an open detection is left as it is
			jdbc.sql(INSERT + " on conflict (customer_id, problem, subject, rule_name) do update "
					+ "set resolved_at = null, resolved_reason = null where detection.resolved_at is not null")
				.params(values).update();
			return;
		}
		int reopened = jdbc.sql("update detection set resolved_at = null, resolved_reason = null where customer_id = ? "
				+ "and problem = ? and subject = ? and rule_name = ? and resolved_at is not null")
			.params(customerId, d.problem(), d.subject(), d.rule()).update();
		boolean exists = reopened > 0 || jdbc.sql("select count(*) from detection where customer_id = ? "
				+ "and problem = ? and subject = ? and rule_name = ?")
			.params(customerId, d.problem(), d.subject(), d.rule()).query(Integer.class).single() > 0;
		if (!exists) {
			jdbc.sql(INSERT).params(values).update();
		}
	}

	@Override
	public List<Detection> find(String customerId, boolean openOnly) {
		return jdbc.sql("select problem, subject, rule_name, rule_version, detected_at, resolved_at, resolved_reason, "
				+ "explanation from detection where customer_id = ?" + (openOnly ? " and resolved_at is null" : "")
				+ " order by detected_at, problem, subject, rule_name")
			.param(customerId)
			.query((rs, row) -> new Detection(customerId, rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), instant(rs, "detected_at"), instant(rs, "resolved_at"), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	@Override
	public List<DetectionCount> countByRule() {
		return jdbc.sql("select problem, rule_name, count(*) from detection group by problem, rule_name "
				+ "order by problem, rule_name")
			.query((rs, row) -> new DetectionCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	@Override
	public void resolve(Detection d, Instant at, String reason) {
		jdbc.sql("update detection set resolved_at = ?, resolved_reason = ? where customer_id = ? and problem = ? "
				+ "and subject = ? and rule_name = ? and resolved_at is null")
			.params(utc(at), ColumnText.fit(reason, DetectionStore.REASON_SIZE), d.customerId(), d.problem(),
					d.subject(), d.rule())
			.update();
	}

	@Override
	public void clear() {
		jdbc.sql("delete from detection").update();
	}
}
