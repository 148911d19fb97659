package org.forewarn.outreach;

import java.util.List;

/** Filters of {@code GET /api/outreach}; each null filter matches everything. */
public record OutreachFilter(String customerId, String orderId, OutreachStatus status, String channel) {

	void appendTo(StringBuilder sql, List<Object> params) {
		add(sql, params, "customer_id", customerId);
		add(sql, params, "order_id", orderId);
		add(sql, params, "status", status == null ? null : status.name());
		add(sql, params, "channel", channel);
	}

	private static void add(StringBuilder sql, List<Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}
}
