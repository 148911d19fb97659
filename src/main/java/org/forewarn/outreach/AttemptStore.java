package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.forewarn.shared.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/**
 * Send attempts. An attempt is claimed (written and committed) before the provider is called and finished with
 * its outcome afterwards, so an attempt without an outcome shows that the process stopped mid-send.
 */
@Repository
public class AttemptStore {

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	/** PostgreSQL claims in one statement (a data-modifying {@code with}), which H2 does not have. */
	private final boolean postgres;

	AttemptStore(JdbcClient jdbc, TransactionTemplate transaction, DatabaseKind database) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.postgres = database.postgres();
	}

	/**
	 * Claims the next attempt of a record that is still SCHEDULED with {@code attemptsSoFar} attempts; false when
	 * someone else moved it meanwhile. Commits at once: the claim must be durable before anything is sent. The
	 * record's {@code updated_at} stays the time of its last status change (the attempt keeps its own start): an
	 * update of no indexed column lets PostgreSQL leave the table's indexes alone (a heap-only update).
	 */
	boolean claim(Outreach o, int attemptsSoFar, Instant at) {
		if (postgres) { // both or neither in one round trip; committed with the caller's transaction, if any
			return jdbc.sql("with claimed as (update outreach set attempts = attempts + 1 where id = ? "
					+ "and status = 'SCHEDULED' and attempts = ? returning id) insert into outreach_attempt "
					+ "(outreach_id, attempt, channel, started_at) select id, ?, ?, ? from claimed")
				.params(o.id(), attemptsSoFar, attemptsSoFar + 1, o.channel(), utc(at)).update() > 0;
		}
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			int claimed = jdbc.sql("update outreach set attempts = attempts + 1 where id = ? and status = 'SCHEDULED' "
					+ "and attempts = ?")
				.params(o.id(), attemptsSoFar).update();
			if (claimed == 0) {
				return false;
			}
			jdbc.sql("insert into outreach_attempt (outreach_id, attempt, channel, started_at) values (?, ?, ?, ?)")
				.params(o.id(), attemptsSoFar + 1, o.channel(), utc(at)).update();
			return true;
		}));
	}

	void finish(String outreachId, int attempt, Instant at, String outcome, String code, String detail) {
		jdbc.sql("update outreach_attempt set finished_at = ?, outcome = ?, code = ?, detail = ? where outreach_id = ? "
				+ "and attempt = ?")
			.params(utc(at), outcome, code, ColumnText.fit(detail, 2000), outreachId, attempt)
			.update();
	}

	/** The attempt that was started and never finished, if any. */
	Optional<Attempt> unfinished(String outreachId) {
		return list(outreachId).stream().filter(a -> a.finishedAt() == null).findFirst();
	}

	public List<Attempt> list(String outreachId) {
		return jdbc.sql("select attempt, channel, started_at, finished_at, outcome, code, detail from outreach_attempt "
				+ "where outreach_id = ? order by attempt")
			.param(outreachId)
			.query((rs, row) -> new Attempt(rs.getInt(1), rs.getString(2), instant(rs, "started_at"),
					instant(rs, "finished_at"), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}
}
