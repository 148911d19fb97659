package org.forewarn.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.forewarn.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's reads of outreach records: one page at a time, each by an indexed column, so every page stays fast
 * however many records there are. Changes go through {@link OutreachStore} and the services as before.
 */
@Component
public class OutreachQueries {

	private static final String SELECT = "select " + OutreachRow.COLUMNS + " from outreach";
	/** The reason an erasure cancels waiting outreach with (the privacy feature's). */
	static final String ERASED = "customer data erased";

	/** Today's figures: what happened since {@code since}, and what waits now. */
	public record Today(Instant since, long detected, long sent, long calledOff, Map<String, Long> suppressedByReason,
			Map<String, Long> failedByCode, Map<String, Long> queues) {
	}

	private final JdbcClient jdbc;

	OutreachQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest decision first. */
	public OutreachPage search(OutreachSearch search, int page, int size) {
		StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
		List<Object> params = new ArrayList<>();
		search.appendTo(sql, params);
		return page(sql.append(" order by decided_at desc, id desc"), params, page, size);
	}

	/** Waiting for review, the one whose review time runs out first at the top. */
	public OutreachPage pendingReview(int page, int size) {
		return deadlineFirst(List.of("PENDING_REVIEW"), "review_until", Outreach::reviewUntil, "send_at",
				Outreach::sendAt, "", List.of(), page, size);
	}

	/**
	 * Records in {@code statuses}: those with a deadline first, the nearest first, then those without, by
	 * {@code then}. Each status and part is read in its index's order and only as far as the page reaches, then
	 * merged, so a long queue costs no more than the page asked for.
	 */
	private OutreachPage deadlineFirst(List<String> statuses, String deadline, Function<Outreach, Instant> deadlineOf,
			String then, Function<Outreach, Instant> thenOf, String where, List<Object> params, int page, int size) {
		int reach = (Math.max(0, page) + 1) * size + 1;
		List<Outreach> withDeadline = new ArrayList<>();
		List<Outreach> without = new ArrayList<>();
		for (String status : statuses) {
			List<Object> p = new ArrayList<>(List.of(status));
			p.addAll(params);
			withDeadline.addAll(jdbc.sql(SELECT + " where status = ? and " + deadline + " is not null" + where
					+ " order by " + deadline + ", " + then + ", id fetch first " + reach + " rows only")
				.params(p).query(OutreachRow::map).list());
			without.addAll(jdbc.sql(SELECT + " where status = ? and " + deadline + " is null" + where + " order by "
					+ then + ", id fetch first " + reach + " rows only")
				.params(p).query(OutreachRow::map).list());
		}
		withDeadline.sort(Comparator.comparing(deadlineOf).thenComparing(thenOf).thenComparing(Outreach::id));
		without.sort(Comparator.comparing(thenOf).thenComparing(Outreach::id));
		List<Outreach> all = new ArrayList<>(withDeadline);
		all.addAll(without);
		int from = Math.min(all.size(), Math.max(0, page) * size);
		return OutreachPage.of(all.subList(from, Math.min(all.size(), from + size + 1)), Math.max(0, page), size);
	}

	/**
	 * FAILED records a person must look at: those that may have gone out (interrupted or uncertain) and failures
	 * for which no fallback record stands in. Latest first.
	 */
	public OutreachPage needingAPerson(int page, int size) {
		return page(new StringBuilder(SELECT + " where " + TableOutreachRows.NEEDS_PERSON
				+ " order by updated_at desc, id desc"), new ArrayList<>(), page, size);
	}

	/** Whether a FAILED record may have reached the customer: never retried, a person decides. */
	public static boolean mayHaveGoneOut(Outreach o) {
		return o.status() == OutreachStatus.FAILED && o.delivery() != null
				&& TableOutreachRows.MAY_HAVE_GONE_OUT_CODES.contains("'" + o.delivery().providerCode() + "'");
	}

	/**
	 * Each figure is read along an index: the day's through the time columns (sent, detected, updated since), the
	 * queues by their status; none reads records beyond what it counts.
	 */
	public Today today(Instant since, Instant now) {
		Object at = StoredTime.utc(since);
		long detected = count("select count(*) from detection where detected_at >= ?", at);
		// the status is tested on the index (sent_at, status) rather than used to choose one: records sent in a day
		// are few, while every record ever SENT or DELIVERED would be read to find them by status
		long sent = count("select count(case when status in ('SENT', 'DELIVERED') then 1 end) from outreach "
				+ "where sent_at >= ?", at);
		// called off because the problem resolved (or its rule said so), not because the customer's data was erased
		long calledOff = count("select count(*) from outreach where status = 'CANCELLED' and updated_at >= ? "
				+ "and (status_reason is null or status_reason <> ?)", at, ERASED);
		Map<String, Long> byStatus = new HashMap<>();
		jdbc.sql("select status, count(*) from outreach where status in ('OPEN', 'CLAIMED', 'PENDING_REVIEW', "
				+ "'SCHEDULED') group by status")
			.query((rs, row) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
		Map<String, Long> queues = new LinkedHashMap<>();
		queues.put("open tasks", byStatus.getOrDefault("OPEN", 0L));
		queues.put("claimed tasks", byStatus.getOrDefault("CLAIMED", 0L));
		queues.put("waiting for review", byStatus.getOrDefault("PENDING_REVIEW", 0L));
		queues.put("scheduled", byStatus.getOrDefault("SCHEDULED", 0L));
		queues.put("needing a person", needingAPersonCount());
		queues.put("tasks past their due time", count("select count(*) from outreach where channel = 'task' and "
				+ "status = 'OPEN' and due_at < ?", StoredTime.utc(now)));
		return new Today(since, detected, sent, calledOff, suppressedByKind(at), grouped("provider_code", "FAILED", at),
				queues);
	}

	private long needingAPersonCount() {
		return count("select count(*) from outreach where " + TableOutreachRows.NEEDS_PERSON);
	}

	/**
	 * Suppressed records by kind of reason, as the suppressed meter tags them: a suppression list entry's reason is
	 * whatever a person typed (a name, an address), and its date makes each entry a group of its own.
	 */
	private Map<String, Long> suppressedByKind(Object since) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select status_reason, count(*) from outreach where status = 'SUPPRESSED' and updated_at >= ? "
				+ "group by status_reason")
			.param(since)
			.query((rs, row) -> counts.merge(SuppressedReasons.tag(rs.getString(1)), rs.getLong(2), Long::sum))
			.list();
		Map<String, Long> byKind = new LinkedHashMap<>();
		counts.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> byKind.put(e.getKey(), e.getValue()));
		return byKind;
	}

	/** The most frequent values of a column among records that entered {@code status} since then. */
	private Map<String, Long> grouped(String column, String status, Object since) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select " + column + ", count(*) n from outreach where status = ? and updated_at >= ? group by "
				+ column + " order by n desc, " + column + " fetch first 20 rows only")
			.params(status, since)
			.query((rs, row) -> counts.put(rs.getString(1) == null ? "(none)" : rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private OutreachPage page(StringBuilder sql, List<Object> params, int page, int size) {
		int from = Math.max(0, page) * size;
		sql.append(" offset ").append(from).append(" rows fetch next ").append(size + 1).append(" rows only");
		return OutreachPage.of(jdbc.sql(sql.toString()).params(params).query(OutreachRow::map).list(),
				Math.max(0, page), size);
	}
}
