package org.forewarn.outreach;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.forewarn.brake.Pauses;
import org.forewarn.rules.Wakeup;
import org.forewarn.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outreach whose work should have happened by now and has not: SCHEDULED past its send time, PENDING_REVIEW past its
 * review deadline, or a fallback still owed. Each comes with a wakeup that only dispatches (the rules decided
 * already), the same one the record got when that work was due at once, so asking again while it is pending
 * schedules nothing new. Normally the work is long done; this finds what a lost wakeup would leave waiting.
 */
@Component
public class OverdueWork {

	private final JdbcClient jdbc;

	OverdueWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The wakeups of work overdue since before {@code cutoff}, oldest first, at most {@code limit} of each kind. */
	public List<Wakeup> wakeups(Instant cutoff, int limit) {
		Set<Wakeup> wakeups = new LinkedHashSet<>();
		// paused outreach waits for its resume, which wakes it; it must not crowd out the rest meanwhile
		jdbc.sql("select customer_id, order_id, send_at from outreach where status = 'SCHEDULED' and send_at < ? "
				+ "and " + Pauses.notPausedSql() + " order by send_at fetch first " + limit + " rows only")
			.param(StoredTime.utc(cutoff))
			.query((rs, row) -> OutreachPlanner.dispatchWakeup(rs.getString(1), rs.getString(2),
					StoredTime.instant(rs, "send_at")))
			.list().forEach(wakeups::add);
		jdbc.sql("select customer_id, order_id, review_until from outreach where status = 'PENDING_REVIEW' "
				+ "and review_until < ? order by review_until fetch first " + limit + " rows only")
			.param(StoredTime.utc(cutoff))
			.query((rs, row) -> OutreachPlanner.dispatchWakeup(rs.getString(1), rs.getString(2),
					StoredTime.instant(rs, "review_until")))
			.list().forEach(wakeups::add);
		// updated_at is when the refusal or failure that owes the fallback was recorded
		jdbc.sql("select customer_id, order_id, updated_at from outreach where fallback_due = true "
				+ "and updated_at < ? order by updated_at fetch first " + limit + " rows only")
			.param(StoredTime.utc(cutoff))
			.query((rs, row) -> OutreachPlanner.dispatchWakeup(rs.getString(1), rs.getString(2),
					StoredTime.instant(rs, "updated_at")))
			.list().forEach(wakeups::add);
		return List.copyOf(wakeups);
	}

	/**
	 * Wakeups at {@code at} for outreach a pause held back and no pause holds any more (the resume that lifted it, or
	 * any earlier one whose wakeups were lost): each dispatches its customer's due work then.
	 */
	public List<Wakeup> released(Instant at) {
		Set<Wakeup> wakeups = new LinkedHashSet<>();
		jdbc.sql("select distinct customer_id, order_id from outreach where status = 'SCHEDULED' "
				+ "and status_reason like 'paused by %' and " + Pauses.notPausedSql())
			.query((rs, row) -> OutreachPlanner.dispatchWakeup(rs.getString(1), rs.getString(2), at))
			.list().forEach(wakeups::add);
		return List.copyOf(wakeups);
	}
}
