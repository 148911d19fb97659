package org.forewarn.brake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pause and resume per rule, problem or channel. Pauses live in the database, so every instance honours them; each
 * instance keeps what it read for at most {@code forewarn.brake.refresh} (its own changes at once). Every change is
 * audited with who made it and why, in the same transaction as the change.
 */
@Component
public class Pauses {

	private static final Logger log = LoggerFactory.getLogger(Pauses.class);

	/** What an instance last read, and when (monotonic time: the refresh is about this process, not the clock). */
	private record Snapshot(List<Pause> pauses, long readAtNanos) {
	}

	private final PauseStore store;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final BrakeMeters meters;
	private final Duration refresh;
	private final Clock clock;
	private volatile Snapshot snapshot;

	Pauses(PauseStore store, TransactionTemplate transaction, ApplicationEventPublisher events, BrakeMeters meters,
			BrakeSettings settings, Clock clock) {
		this.store = store;
		this.transaction = transaction;
		this.events = events;
		this.meters = meters;
		this.refresh = settings.refresh();
		this.clock = clock;
	}

	/** The pause holding back outreach of this rule, problem and channel, if any (the earliest when several do). */
	public Optional<Pause> holding(String rule, String problem, String channel) {
		return current().stream().filter(p -> p.holds(rule, problem, channel)).findFirst();
	}

	/**
	 * A condition for SQL over the {@code outreach} table: true when no pause in the database holds the row back.
	 * Lets a query (the overdue sweep) skip paused outreach and find it again once its pause is lifted.
	 */
	public static String notPausedSql() {
		return "not exists (select 1 from brake_pause p where (p.scope = 'rule' and p.name = outreach.rule_name) "
				+ "or (p.scope = 'problem' and p.name = outreach.problem) "
				+ "or (p.scope = 'channel' and p.name = outreach.channel))";
	}

	List<Pause> current() {
		Snapshot s = snapshot;
		if (s == null || System.nanoTime() - s.readAtNanos() >= refresh.toNanos()) {
			s = reload(s);
		}
		return s.pauses();
	}

	private synchronized Snapshot reload(Snapshot seen) {
		if (snapshot != seen) {
			return snapshot; // another thread read them meanwhile
		}
		try {
			snapshot = new Snapshot(List.copyOf(store.all()), System.nanoTime());
		}
		catch (RuntimeException e) {
			if (seen == null) {
				throw e; // nothing known yet: better no send than one a pause should have held
			}
			log.warn("Could not read the pauses again, acting on those read before: {}", e.getMessage());
			snapshot = new Snapshot(seen.pauses(), System.nanoTime());
		}
		meters.pausesInForce(snapshot.pauses().size());
		return snapshot;
	}

	/** Pauses; empty when the same pause is already in force (it stays as it was). */
	Optional<Pause> pause(PauseScope scope, String name, String note, String by) {
		Instant now = clock.instant();
		Pause pause = new Pause(scope.key(), name, note, by, now);
		try {
			transaction.executeWithoutResult(tx -> {
				store.insert(pause);
				store.audit(new AuditEntry(now, by, "pause", scope.key(), name, note));
			});
		}
		catch (DuplicateKeyException e) {
			return Optional.empty();
		}
		snapshot = null;
		log.info("{} paused {} '{}'{}", by, scope.key(), name, note == null ? "" : ": " + note);
		return Optional.of(pause);
	}

	/** Lifts a pause; false when there was none. Outreach it held back is then dispatched again. */
	boolean resume(PauseScope scope, String name, String note, String by) {
		Instant now = clock.instant();
		Boolean lifted = transaction.execute(tx -> {
			if (!store.delete(scope.key(), name)) {
				return false;
			}
			store.audit(new AuditEntry(now, by, "resume", scope.key(), name, note));
			return true;
		});
		if (!Boolean.TRUE.equals(lifted)) {
			return false;
		}
		snapshot = null;
		log.info("{} resumed {} '{}'{}", by, scope.key(), name, note == null ? "" : ": " + note);
		events.publishEvent(new PauseLifted(scope.key(), name, now.plus(refresh)));
		return true;
	}

	Optional<Pause> find(PauseScope scope, String name) {
		return store.find(scope.key(), name);
	}

	List<AuditEntry> recentAudit(int limit) {
		return store.recentAudit(limit);
	}
}
