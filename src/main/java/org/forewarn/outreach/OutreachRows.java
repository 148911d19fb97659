package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.forewarn.rules.Decided;

/**
 * Where outreach records, their status history and their send attempts are kept: in the tables, or in memory for a
 * process that alone writes them to a database it throws away at its end (a replay). Writes take part in the
 * caller's transaction; what a column cannot hold is refused by both alike.
 */
interface OutreachRows {

	/**
	 * Inserts a new record with its first history step, by {@code actor} (null: Forewarn itself) at {@code at}, when it
	 * was made; false when one with the same id or dedupe key exists.
	 */
	boolean insert(Outreach o, String dedupeKey, boolean fallbackDue, Duration dueWithin, String actor, Instant at);

	/** See {@link OutreachStore#anotherAboutProblem}. */
	boolean anotherAboutProblem(String customerId, Decided decided);

	boolean existsByDedupeKey(String dedupeKey);

	/**
	 * Moves the record to {@code to} with {@code change} and a history step, if it is in one of {@code from}; what
	 * the changed record's meter is tagged with, or null when it was not changed.
	 */
	MeterLabels update(String id, Collection<OutreachStatus> from, StatusChange step, Change change);

	/** A follow-up task's time to be handled once it opens, in seconds; empty for a message or no record. */
	Optional<Long> dueWithinSeconds(String id);

	/** Whether the record is FAILED in a way that may have gone out ("uncertain" or "interrupted"). */
	boolean failedMayHaveGoneOut(String id);

	int countMayHaveGoneOut();

	/** See {@link OutreachStore#handle}. */
	boolean handle(String id, String actor, Instant at);

	/** Records that wait for a person, oldest failure first; {@code limit} within 1 and 10,000. */
	List<Outreach> needingPerson(int limit);

	/** Follow-up tasks in {@code status}; with {@code dueBefore}, only those due before it. */
	int countTasks(OutreachStatus status, Instant dueBefore);

	List<Outreach> overdueNotEscalated(Instant now, int limit);

	boolean claimEscalation(String id, Instant at);

	void releaseEscalation(String id);

	Optional<String> dedupeKey(String id);

	void fallbackCreated(String id);

	Optional<Outreach> find(String id);

	Optional<Outreach> findByProviderId(String providerId);

	/** The customer's records by when they were decided, then id. */
	List<Outreach> findByCustomer(String customerId);

	/** See {@link OutreachStore#findOpenWork}; by send time, then id. */
	List<Outreach> findOpenWork(String customerId);

	OutreachStore.SentCounts countSent(String customerId, String channel, Instant weekFrom, Instant dayFrom,
			Instant to);

	/** Filtered listing by when decided, then id; null filters match everything. */
	List<Outreach> search(OutreachFilter filter, int limit);

	/** The record's history, in the order its steps happened. */
	List<StatusChange> history(String id);

	/** Adds a step to the record's history without changing it. */
	void note(String id, StatusChange step);

	/** See {@link AttemptStore#claim}. */
	boolean claim(Outreach o, int attemptsSoFar, Instant at);

	void finish(String outreachId, int attempt, Instant at, String outcome, String code, String detail);

	/** The record's attempts, first first. */
	List<Attempt> attempts(String outreachId);

	/**
	 * Makes the tables hold every committed record, for readers of the tables themselves; they always do unless kept
	 * in memory.
	 */
	void writeTables();

	/** Forgets the records kept in memory, for a database emptied under them; the tables' records stay. */
	void clear();

	/** What a status change's meter is tagged with. */
	record MeterLabels(String channel, String problem, String rule) {
	}
}
