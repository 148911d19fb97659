package org.forewarn.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.forewarn.shared.StoredTime.instant;

/** The columns of an outreach record as the stores select them, and the record read from such a row. */
final class OutreachRow {

	static final String COLUMNS = "id, customer_id, order_id, rule_name, rule_version, problem, channel, "
			+ "template, decided_at, send_at, status, status_reason, sent_at, explanation, fallback_for, review_until, "
			+ "not_later_than, fallback_channels, defer_when_capped, step, attempts, provider_id, provider_code, "
			+ "holdout_percent, hourly_ceiling, resend_of, due_at, handled_at, handled_by";

	/** Size of the status reason columns; provider messages can be longer. */
	static final int REASON = 1000;
	/** Size of an attempt's detail column. */
	static final int DETAIL = 2000;

	private static final Map<String, Integer> POSITIONS = positions(COLUMNS);

	private OutreachRow() {
	}

	/**
	 * Reads a row of {@link #COLUMNS} by position: a column read by its name makes the driver map every label of the
	 * result first (H2 and PostgreSQL alike), and the rules are given a customer's outreach on every event.
	 */
	static Outreach map(ResultSet rs, int row) throws SQLException {
		SendPolicy policy = new SendPolicy(instant(rs, at("not_later_than")), rs.getString(at("fallback_channels")),
				rs.getBoolean(at("defer_when_capped")), rs.getInt(at("step")), holdoutPercent(rs),
				rs.getObject(at("hourly_ceiling"), Integer.class));
		Outreach.Delivery delivery = new Outreach.Delivery(rs.getInt(at("attempts")),
				rs.getString(at("provider_id")), rs.getString(at("provider_code")));
		String handledBy = rs.getString(at("handled_by"));
		return new Outreach(rs.getString(at("id")), rs.getString(at("customer_id")), rs.getString(at("order_id")),
				rs.getString(at("rule_name")), rs.getString(at("rule_version")), rs.getString(at("problem")),
				rs.getString(at("channel")), rs.getString(at("template")), instant(rs, at("decided_at")),
				instant(rs, at("send_at")), OutreachStatus.valueOf(rs.getString(at("status"))),
				rs.getString(at("status_reason")), instant(rs, at("sent_at")), rs.getString(at("explanation")),
				rs.getString(at("fallback_for")), instant(rs, at("review_until")), policy, delivery,
				rs.getString(at("resend_of")), instant(rs, at("due_at")),
				handledBy == null ? null : new Outreach.Handled(instant(rs, at("handled_at")), handledBy));
	}

	/** The position of a column of {@link #COLUMNS}, as a result set counts (from 1). */
	private static int at(String column) {
		Integer position = POSITIONS.get(column);
		if (position == null) {
			throw new IllegalArgumentException("not a column of OutreachRow.COLUMNS: " + column);
		}
		return position;
	}

	private static Double holdoutPercent(ResultSet rs) throws SQLException {
		double value = rs.getDouble(at("holdout_percent"));
		return rs.wasNull() ? null : value;
	}

	private static Map<String, Integer> positions(String columns) {
		String[] names = columns.split(", ");
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			positions.put(names[i], i + 1);
		}
		return Map.copyOf(positions);
	}
}
