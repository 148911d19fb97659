package org.forewarn.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.forewarn.rules.Wakeup;
import org.forewarn.shared.WritesBeforeCommit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.shared.StoredTime.utc;

/**
 * Wakeups in the {@code wakeup} table. Scheduling joins the caller's transaction, so a wakeup exists exactly when
 * the decision that asked for it was stored. Instances take due rows with {@code FOR UPDATE SKIP LOCKED} and lease
 * them by moving their next try past the lease, so two instances never hand over one wakeup at the same time.
 */
final class WakeupTable implements WakeupScheduler {

	/**
	 * A wakeup taken for hand-over, with what is needed to finish or retry it; {@code lateFrom} is its time, or when it
	 * was scheduled if that came later: a wakeup asked for already past its time is late only from then.
	 */
	record Taken(Wakeup wakeup, String id, int attempts, Instant lateFrom) {
	}

	private static final String INSERT = "insert into wakeup (id, customer_id, order_id, label, due_at, next_try_at, "
			+ "scheduled_at) ";

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;
	/**
	 * On PostgreSQL a transaction's wakeups are inserted in one batch as it commits, each duplicate skipped by the
	 * statement (a failed insert would spoil the transaction there). Null on H2: there a wakeup another transaction
	 * scheduled meanwhile fails its insert, which is caught, so each is inserted at once, on its own.
	 */
	private final WritesBeforeCommit<Object[]> batched;

	WakeupTable(JdbcClient jdbc, JdbcTemplate batches, boolean postgres, TransactionTemplate transaction,
			Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.batched = !postgres ? null : new WritesBeforeCommit<>(
				rows -> batches.batchUpdate(INSERT + "values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing", rows));
	}

	@Override
	public void schedule(Wakeup wakeup) {
		OffsetDateTime at = utc(wakeup.at());
		OffsetDateTime now = utc(clock.instant());
		if (batched != null) {
			batched.add(new Object[] { wakeup.id(), wakeup.customerId(), wakeup.orderId(), wakeup.label(), at, at,
					now });
			return;
		}
		try {
			jdbc.sql(INSERT + "select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from wakeup where id = ?)")
				.params(wakeup.id(), wakeup.customerId(), wakeup.orderId(), wakeup.label(), at, at, now, wakeup.id())
				.update();
		}
		catch (DuplicateKeyException e) {
			// scheduled meanwhile by another transaction: asking twice schedules once
		}
	}

	/** Only wakeups never taken for hand-over go: one taken (leased or retried) is on its way already. */
	@Override
	public void settled(Collection<Wakeup> wakeups) {
		List<String> ids = wakeups.stream().map(Wakeup::id).toList();
		if (batched != null) {
			Set<String> settled = new HashSet<>(ids);
			batched.removeIf(row -> settled.contains((String) row[0])); // scheduled by this transaction, not yet inserted
		}
		jdbc.sql("delete from wakeup where id in (:ids) and attempts = 0 and next_try_at = due_at")
			.param("ids", ids).update();
	}

	/** Takes up to {@code limit} wakeups due by {@code now}, in the order they are due, leased until {@code until}. */
	List<Taken> take(Instant now, int limit, Instant until) {
		return transaction.execute(tx -> {
			List<Taken> due = jdbc.sql("select id, customer_id, due_at, order_id, label, attempts, scheduled_at from "
					+ "wakeup where next_try_at <= ? order by next_try_at limit ? for update skip locked")
				.params(utc(now), limit)
				.query((rs, row) -> {
					Instant dueAt = rs.getObject(3, OffsetDateTime.class).toInstant();
					OffsetDateTime scheduledAt = rs.getObject(7, OffsetDateTime.class);
					Instant lateFrom = scheduledAt != null && scheduledAt.toInstant().isAfter(dueAt)
							? scheduledAt.toInstant() : dueAt;
					return new Taken(new Wakeup(rs.getString(2), dueAt, rs.getString(4), rs.getString(5)),
							rs.getString(1), rs.getInt(6), lateFrom);
				})
				.list();
			if (!due.isEmpty()) {
				jdbc.sql("update wakeup set next_try_at = :until where id in (:ids)")
					.param("until", utc(until)).param("ids", ids(due)).update();
			}
			return due;
		});
	}

	/** Removes wakeups handed over under the lease ending {@code until} (one taken again since stays). */
	void done(Collection<Taken> handed, Instant until) {
		if (!handed.isEmpty()) {
			jdbc.sql("delete from wakeup where id in (:ids) and next_try_at = :until")
				.param("ids", ids(handed)).param("until", utc(until)).update();
		}
	}

	/** A wakeup that could not be handed over for now is tried again at {@code next}. */
	void retryAt(Taken taken, Instant next, String failure) {
		String reason = failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000));
		jdbc.sql("update wakeup set next_try_at = ?, attempts = ?, last_failure = ? where id = ?")
			.params(utc(next), taken.attempts() + 1, reason, taken.id()).update();
	}

	/**
	 * How many wakeups wait, and since when the longest-waiting of those due by {@code now} has been due: its next try,
	 * or when it was scheduled if that came later (null when none is due).
	 */
	Waiting waiting(Instant now) {
		return jdbc.sql("select count(*), min(case when next_try_at <= ? then (case when scheduled_at > next_try_at "
				+ "then scheduled_at else next_try_at end) end) from wakeup").param(utc(now)).query((rs, row) -> {
					OffsetDateTime since = rs.getObject(2, OffsetDateTime.class);
					return new Waiting(rs.getLong(1), since == null ? null : since.toInstant());
				}).single();
	}

	record Waiting(long count, Instant dueSince) {
	}

	private static List<String> ids(Collection<Taken> taken) {
		return taken.stream().map(Taken::id).toList();
	}
}
