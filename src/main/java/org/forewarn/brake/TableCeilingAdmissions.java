package org.forewarn.brake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.forewarn.shared.StoredTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admissions in the database, so that every instance counts together. Counting and admitting are one step under a
 * lock on the rule's row, in a short transaction of their own, so two lanes or two instances never both take the
 * last place.
 */
final class TableCeilingAdmissions implements CeilingAdmissions {

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	/** Rules whose lock row is known to exist: this only saves a query per send. */
	private final Set<String> knownRows = ConcurrentHashMap.newKeySet();

	TableCeilingAdmissions(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public boolean admit(String rule, int ceiling, String outreachId, Instant now) {
		ensureRow(rule);
		Boolean admitted = admitLocked(rule, ceiling, outreachId, now);
		if (admitted == null) {
			// the row this instance remembered is gone (the database was reset under it): make it again
			knownRows.remove(rule);
			ensureRow(rule);
			admitted = admitLocked(rule, ceiling, outreachId, now);
		}
		return Boolean.TRUE.equals(admitted);
	}

	/**
	 * Null when the rule's lock row is missing. Under the lock, one count tells the places taken in the last hour,
	 * whether this outreach holds one already, and how many admissions have aged out; those are deleted only once
	 * there are {@link #PRUNE_AT} of them, so most admissions take three statements, not five.
	 */
	private Boolean admitLocked(String rule, int ceiling, String outreachId, Instant now) {
		return transaction.execute(tx -> {
			if (jdbc.sql("select rule_name from brake_ceiling_rule where rule_name = ? for update").param(rule)
				.query(String.class).optional().isEmpty()) {
				return null;
			}
			OffsetDateTime since = StoredTime.utc(now.minus(HOUR));
			// whether the outreach holds a place is asked by its key alone, whatever rule name its admission has
			Admissions admissions = jdbc.sql("select count(case when admitted_at > ? then 1 end), "
					+ "(select count(*) from brake_ceiling_admission where outreach_id = ?), "
					+ "count(case when admitted_at <= ? then 1 end) from brake_ceiling_admission where rule_name = ?")
				.params(since, outreachId, since, rule)
				.query((rs, row) -> new Admissions(rs.getInt(1), rs.getInt(2) > 0, rs.getInt(3)))
				.single();
			if (admissions.thisOne()) {
				return true;
			}
			if (admissions.agedOut() >= PRUNE_AT) {
				jdbc.sql("delete from brake_ceiling_admission where rule_name = ? and admitted_at <= ?")
					.params(rule, since).update();
			}
			if (admissions.lastHour() >= ceiling) {
				return false;
			}
			jdbc.sql("insert into brake_ceiling_admission (outreach_id, rule_name, admitted_at) values (?, ?, ?)")
				.params(outreachId, rule, StoredTime.utc(now)).update();
			return true;
		});
	}

	/** A rule's admissions: in the last hour, whether one is this outreach's, and older ones not yet deleted. */
	private record Admissions(int lastHour, boolean thisOne, int agedOut) {
	}

	@Override
	public int usedAfter(String rule, Instant since) {
		return jdbc.sql("select count(*) from brake_ceiling_admission where rule_name = ? and admitted_at > ?")
			.params(rule, StoredTime.utc(since)).query(Integer.class).single();
	}

	@Override
	public int kept(String rule) {
		return jdbc.sql("select count(*) from brake_ceiling_admission where rule_name = ?").param(rule)
			.query(Integer.class).single();
	}

	@Override
	public void clear() {
		knownRows.clear(); // their rows went with the rest
	}

	/** The rule's lock row, made once; outside the transaction, so a concurrent first insert spoils nothing. */
	private void ensureRow(String rule) {
		if (knownRows.contains(rule)) {
			return;
		}
		if (jdbc.sql("select count(*) from brake_ceiling_rule where rule_name = ?").param(rule)
			.query(Integer.class).single() > 0) {
			knownRows.add(rule);
			return;
		}
		try {
			jdbc.sql("insert into brake_ceiling_rule (rule_name) values (?)").param(rule).update();
		}
		catch (DuplicateKeyException e) {
			// another lane or instance made it first
		}
		knownRows.add(rule);
	}
}
