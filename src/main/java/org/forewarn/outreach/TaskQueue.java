package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.shared.SqlMarks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.forewarn.shared.StoredTime.utc;

/**
 * The follow-up queue, one page at a time, most urgent first: escalated tasks (open, nobody claimed them, past their
 * due time), then by due time, then by the rule's deadline ({@code notLaterThan}), then the oldest; those without a
 * due time or deadline after those with one. The API and the console read it here, with the same filters.
 * <p>
 * One query sorts and pages: each status (and, for open tasks, escalated, not yet due, without a due time) is a part
 * read in the order of the index {@code outreach_task_urgency} and only as far as the page reaches, and the parts are
 * merged by urgency. The records are then read for the page alone.
 */
@Component
public class TaskQueue {

	/** The queue people work: open and claimed tasks. */
	public static final Set<OutreachStatus> ACTIVE = Collections.unmodifiableSet(
			EnumSet.of(OutreachStatus.OPEN, OutreachStatus.CLAIMED));

	/** Tasks get their due time from the clock, never before this: a lower end for the index range. */
	private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
	private static final Pattern AGE = Pattern.compile("(\\d{1,4})\\s*([hd])");
	/**
	 * One part of the queue: its urgency (0: escalated), one status (written out: the database then picks the index
	 * by it), a range of due times, the filters, how far to read.
	 */
	private static final String PART = "(select id, %d as urgency, due_at, not_later_than, decided_at from outreach "
			+ "where channel = 'task' and status = '%s' and %s%s order by channel, status, due_at, "
			+ "not_later_than nulls last, decided_at, id fetch first %d rows only)";

	/**
	 * Filters; null matches everything. {@code decidedBefore} filters by age; {@code assignee} keeps the tasks that
	 * person claimed (and so only claimed ones).
	 */
	public record TaskFilter(Set<OutreachStatus> statuses, String customerId, String problem, String rule,
			Instant decidedBefore, String assignee) {

		/** Open and claimed tasks, filtered as the console's and the API's queue are. */
		public static TaskFilter active(String problem, String rule, Instant decidedBefore, String assignee) {
			return new TaskFilter(ACTIVE, null, problem, rule, decidedBefore, assignee);
		}
	}

	private final JdbcClient jdbc;

	TaskQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An age such as {@code 4h} or {@code 3d} (at most 4 digits); null for a blank one. An
	 * {@link IllegalArgumentException} names the field when it is no such age.
	 */
	public static Duration age(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Matcher m = AGE.matcher(value.strip().toLowerCase(Locale.ROOT));
		if (!m.matches()) {
			throw new IllegalArgumentException("age: '" + value.strip() + "' is not an age such as 4h or 3d");
		}
		long n = Long.parseLong(m.group(1));
		return m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
	}

	/** Page {@code page} (from 0) of {@code size} tasks, most urgent first as of {@code now}. */
	public OutreachPage page(TaskFilter filter, Instant now, int page, int size) {
		int from = Math.max(0, page) * size;
		int reach = from + size + 1;
		StringBuilder where = new StringBuilder();
		List<Object> whereParams = new ArrayList<>();
		condition(where, whereParams, "customer_id = ?", filter.customerId());
		condition(where, whereParams, "problem = ?", filter.problem());
		condition(where, whereParams, "rule_name = ?", filter.rule());
		condition(where, whereParams, "decided_at < ?", utc(filter.decidedBefore()));
		Set<OutreachStatus> statuses = EnumSet.noneOf(OutreachStatus.class);
		statuses.addAll(filter.statuses() == null ? EnumSet.allOf(OutreachStatus.class) : filter.statuses());
		if (filter.assignee() != null) {
			// the claim's reason names who claimed it: "claimed by lea" or "claimed by lea: <note>"
			statuses.retainAll(Set.of(OutreachStatus.CLAIMED));
			where.append(" and (status_reason = ? or status_reason like ? escape '!')");
			whereParams.add("claimed by " + filter.assignee());
			whereParams.add("claimed by " + filter.assignee().replaceAll("([!%_])", "!$1") + ": %");
		}
		if (statuses.isEmpty()) {
			return OutreachPage.of(List.of(), Math.max(0, page), size);
		}
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		for (OutreachStatus status : statuses) {
			if (status == OutreachStatus.OPEN) {
				part(parts, params, 0, status, "due_at >= ? and due_at < ?", List.of(utc(EARLIEST), utc(now)), where,
						whereParams, reach);
				part(parts, params, 1, status, "due_at >= ?", List.of(utc(now)), where, whereParams, reach);
			}
			else {
				part(parts, params, 1, status, "due_at >= ?", List.of(utc(EARLIEST)), where, whereParams, reach);
			}
			part(parts, params, 1, status, "due_at is null", List.of(), where, whereParams, reach);
		}
		List<String> ids = jdbc.sql(String.join(" union all ", parts) + " order by urgency, due_at nulls last, "
				+ "not_later_than nulls last, decided_at, id offset " + from + " rows fetch next " + (size + 1)
				+ " rows only")
			.params(params).query((rs, row) -> rs.getString("id")).list();
		return OutreachPage.of(records(ids), Math.max(0, page), size);
	}

	private static void part(List<String> parts, List<Object> params, int urgency, OutreachStatus status, String due,
			List<Object> dueParams, StringBuilder where, List<Object> whereParams, int reach) {
		parts.add(String.format(Locale.ROOT, PART, urgency, status.name(), due, where, reach));
		params.addAll(dueParams);
		params.addAll(whereParams);
	}

	/** The records of these ids, in their order. */
	private List<Outreach> records(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Integer> order = new HashMap<>();
		ids.forEach(id -> order.put(id, order.size()));
		List<Outreach> records = new ArrayList<>(jdbc.sql("select " + OutreachRow.COLUMNS + " from outreach where id in ("
				+ SqlMarks.of(ids) + ")")
			.params(ids).query(OutreachRow::map).list());
		records.sort((a, b) -> Integer.compare(order.get(a.id()), order.get(b.id())));
		return records;
	}

	private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
		if (value != null) {
			where.append(" and ").append(sql);
			params.add(value);
		}
	}
}
