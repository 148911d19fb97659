package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

/**
 * Send attempts. An attempt is claimed (written and committed) before the provider is called and finished with
 * its outcome afterwards, so an attempt without an outcome shows that the process stopped mid-send.
 */
@Repository
public class AttemptStore {

	private final OutreachRows rows;

	AttemptStore(OutreachRows rows) {
		this.rows = rows;
	}

	/**
	 * Claims the next attempt of a record that is still SCHEDULED with {@code attemptsSoFar} attempts; false when
	 * someone else moved it meanwhile. Commits at once: the claim must be durable before anything is sent. The
	 * record's {@code updated_at} stays the time of its last status change (the attempt keeps its own start): an
	 * update of no indexed column lets PostgreSQL leave the table's indexes alone (a heap-only update).
	 */
	boolean claim(Outreach o, int attemptsSoFar, Instant at) {
		return rows.claim(o, attemptsSoFar, at);
	}

	void finish(String outreachId, int attempt, Instant at, String outcome, String code, String detail) {
		rows.finish(outreachId, attempt, at, outcome, code, detail);
	}

	/** The attempt that was started and never finished, if any. */
	Optional<Attempt> unfinished(String outreachId) {
		return list(outreachId).stream().filter(a -> a.finishedAt() == null).findFirst();
	}

	public List<Attempt> list(String outreachId) {
		return rows.attempts(outreachId);
	}
}
