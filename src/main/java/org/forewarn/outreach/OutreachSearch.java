package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;

import org.forewarn.shared.StoredTime;

/**
 * What the console asks of outreach records: each null filter matches everything; {@code from} and {@code to}
 * select by decision time, [from, to).
 */
public record OutreachSearch(OutreachStatus status, String channel, String problem, String rule, String customerId,
		String orderId, Instant from, Instant to) {

	public static final OutreachSearch ALL = new OutreachSearch(null, null, null, null, null, null, null, null);

	void appendTo(StringBuilder sql, List<Object> params) {
		add(sql, params, "status = ?", status == null ? null : status.name());
		add(sql, params, "channel = ?", channel);
		add(sql, params, "problem = ?", problem);
		add(sql, params, "rule_name = ?", rule);
		add(sql, params, "customer_id = ?", customerId);
		add(sql, params, "order_id = ?", orderId);
		add(sql, params, "decided_at >= ?", StoredTime.utc(from));
		add(sql, params, "decided_at < ?", StoredTime.utc(to));
	}

	private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
		if (value != null) {
			sql.append(" and ").append(condition);
			params.add(value);
		}
	}
}
