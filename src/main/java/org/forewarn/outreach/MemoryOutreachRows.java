package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.forewarn.rules.Decided;
import org.forewarn.shared.TransactionalMap;

/**
 * The outreach of a process that alone writes it to a database it throws away at its end (a replay), kept in its
 * memory: each record replaced whole on every change, so a transaction's changes apply when it commits and are dropped
 * when it rolls back ({@link TransactionalMap}). Readers of the tables themselves see the records once
 * {@link #writeTables} has copied them there. Two transactions changing the same record at once are not kept apart
 * as the table's row lock would: one lane decides and one sender sends (as a replay does).
 */
final class MemoryOutreachRows implements OutreachRows {

	private static final Comparator<Outreach> BY_DECIDED = Comparator.comparing(Outreach::decidedAt)
		.thenComparing(Outreach::id);
	private static final Comparator<Outreach> BY_SEND_TIME = Comparator.comparing(Outreach::sendAt)
		.thenComparing(Outreach::id);
	private static final List<OutreachStatus> NOT_WAITING_NOR_GONE = List.of(OutreachStatus.CANCELLED,
			OutreachStatus.SUPPRESSED, OutreachStatus.FAILED, OutreachStatus.REJECTED, OutreachStatus.EXPIRED);

	private final TransactionalMap<String, KeptOutreach> byId = new TransactionalMap<>();
	/** The ids of each customer's records, in the order they were inserted. */
	private final TransactionalMap<String, List<String>> idsOf = new TransactionalMap<>();
	private final TransactionalMap<String, String> byDedupeKey = new TransactionalMap<>();
	private final TransactionalMap<String, String> byProviderId = new TransactionalMap<>();
	/** The id of a record's fallback, by the record's id. */
	private final TransactionalMap<String, String> fallbackOf = new TransactionalMap<>();
	private final OutreachTableCopy tables;

	MemoryOutreachRows(OutreachTableCopy tables) {
		this.tables = tables;
	}

	@Override
	public synchronized boolean insert(Outreach o, String dedupeKey, boolean fallbackDue, Duration dueWithin,
			String actor, Instant at) {
		KeptOutreach kept = KeptOutreach.inserted(o, dedupeKey, fallbackDue,
				dueWithin == null ? null : dueWithin.toSeconds(), actor, at);
		if (byId.get(o.id()) != null || byDedupeKey.get(dedupeKey) != null) {
			return false;
		}
		List<String> ids = new ArrayList<>(idsOf(o.customerId()));
		ids.add(o.id());
		idsOf.put(o.customerId(), List.copyOf(ids));
		byId.put(o.id(), kept);
		byDedupeKey.put(dedupeKey, o.id());
		if (o.fallbackFor() != null) {
			fallbackOf.put(o.fallbackFor(), o.id());
		}
		return true;
	}

	@Override
	public synchronized boolean anotherAboutProblem(String customerId, Decided decided) {
		return records(customerId).anyMatch(o -> o.problem().equals(decided.problem())
				&& Objects.requireNonNullElse(o.orderId(), "").equals(decided.subject())
				&& !o.rule().equals(decided.rule())
				&& (o.fallbackFor() == null && !NOT_WAITING_NOR_GONE.contains(o.status())
						|| OutreachQueries.mayHaveGoneOut(o)));
	}

	@Override
	public synchronized boolean existsByDedupeKey(String dedupeKey) {
		return dedupeKey != null && byDedupeKey.get(dedupeKey) != null;
	}

	@Override
	public synchronized MeterLabels update(String id, Collection<OutreachStatus> from, StatusChange step,
			Change change) {
		KeptOutreach kept = kept(id);
		if (kept == null || !from.contains(kept.status())) {
			return null;
		}
		replace(change.kept().apply(kept.changed(step)));
		Outreach o = kept.outreach();
		return new MeterLabels(o.channel(), o.problem(), o.rule());
	}

	@Override
	public synchronized Optional<Long> dueWithinSeconds(String id) {
		return Optional.ofNullable(kept(id)).map(KeptOutreach::dueWithinSeconds);
	}

	@Override
	public synchronized boolean failedMayHaveGoneOut(String id) {
		KeptOutreach kept = kept(id);
		return kept != null && OutreachQueries.mayHaveGoneOut(kept.outreach());
	}

	@Override
	public synchronized int countMayHaveGoneOut() {
		return (int) all().filter(k -> k.outreach().handled() == null && OutreachQueries.mayHaveGoneOut(k.outreach()))
			.count();
	}

	@Override
	public synchronized boolean handle(String id, String actor, Instant at) {
		return changeIf(id, this::needsPerson, kept -> kept.handled(at, actor));
	}

	@Override
	public synchronized List<Outreach> needingPerson(int limit) {
		return all().filter(this::needsPerson)
			.sorted(Comparator.comparing(KeptOutreach::updatedAt).thenComparing(KeptOutreach::id))
			.limit(limit).map(KeptOutreach::outreach).toList();
	}

	@Override
	public synchronized int countTasks(OutreachStatus status, Instant dueBefore) {
		return (int) all().map(KeptOutreach::outreach).filter(o -> o.channel().equals("task")
				&& o.status() == status && (dueBefore == null || o.dueAt() != null && o.dueAt().isBefore(dueBefore)))
			.count();
	}

	@Override
	public synchronized List<Outreach> overdueNotEscalated(Instant now, int limit) {
		return all().filter(k -> k.escalatedAt() == null).map(KeptOutreach::outreach)
			.filter(o -> o.channel().equals("task") && o.status() == OutreachStatus.OPEN && o.dueAt() != null
					&& o.dueAt().isBefore(now))
			.sorted(Comparator.comparing(Outreach::dueAt).thenComparing(Outreach::id)).limit(limit).toList();
	}

	@Override
	public synchronized boolean claimEscalation(String id, Instant at) {
		return changeIf(id, kept -> kept.escalatedAt() == null, kept -> kept.escalatedAt(at));
	}

	@Override
	public synchronized void releaseEscalation(String id) {
		changeIf(id, kept -> true, kept -> kept.escalatedAt(null));
	}

	@Override
	public synchronized Optional<String> dedupeKey(String id) {
		return Optional.ofNullable(kept(id)).map(KeptOutreach::dedupeKey);
	}

	@Override
	public synchronized void fallbackCreated(String id) {
		changeIf(id, kept -> true, kept -> kept.fallbackDue(false));
	}

	@Override
	public synchronized Optional<Outreach> find(String id) {
		return Optional.ofNullable(kept(id)).map(KeptOutreach::outreach);
	}

	@Override
	public synchronized Optional<Outreach> findByProviderId(String providerId) {
		String id = providerId == null ? null : byProviderId.get(providerId);
		return id == null ? Optional.empty() : find(id)
			.filter(o -> providerId.equals(o.delivery().providerId()));
	}

	@Override
	public synchronized List<Outreach> findByCustomer(String customerId) {
		return records(customerId).sorted(BY_DECIDED).toList();
	}

	@Override
	public synchronized List<Outreach> findOpenWork(String customerId) {
		return of(customerId).filter(k -> k.fallbackDue() || k.status() == OutreachStatus.SCHEDULED
				|| k.status() == OutreachStatus.PENDING_REVIEW).map(KeptOutreach::outreach).sorted(BY_SEND_TIME)
			.toList();
	}

	@Override
	public synchronized OutreachStore.SentCounts countSent(String customerId, String channel, Instant weekFrom,
			Instant dayFrom, Instant to) {
		List<Instant> sent = records(customerId)
			.filter(o -> o.channel().equals(channel) && o.sentAt() != null && !o.sentAt().isBefore(weekFrom)
					&& o.sentAt().isBefore(to))
			.map(Outreach::sentAt).toList();
		return new OutreachStore.SentCounts(sent.size(), (int) sent.stream().filter(at -> !at.isBefore(dayFrom))
			.count());
	}

	@Override
	public synchronized List<Outreach> search(OutreachFilter filter, int limit) {
		Predicate<Outreach> matches = o -> (filter.customerId() == null || filter.customerId().equals(o.customerId()))
				&& (filter.orderId() == null || filter.orderId().equals(o.orderId()))
				&& (filter.status() == null || filter.status() == o.status())
				&& (filter.channel() == null || filter.channel().equals(o.channel()));
		Stream<Outreach> candidates = filter.customerId() != null ? records(filter.customerId())
				: all().map(KeptOutreach::outreach);
		return candidates.filter(matches).sorted(BY_DECIDED).limit(limit).toList();
	}

	@Override
	public synchronized List<StatusChange> history(String id) {
		KeptOutreach kept = kept(id);
		// a stable sort: steps of the same moment stay in the order they were taken, as the table's sequence keeps them
		return kept == null ? List.of()
				: kept.history().stream().sorted(Comparator.comparing(StatusChange::at)).toList();
	}

	@Override
	public synchronized void note(String id, StatusChange step) {
		changeIf(id, kept -> true, kept -> kept.step(step));
	}

	@Override
	public synchronized boolean claim(Outreach o, int attemptsSoFar, Instant at) {
		return changeIf(o.id(), kept -> kept.status() == OutreachStatus.SCHEDULED
				&& kept.outreach().delivery().attempts() == attemptsSoFar,
				kept -> kept.attemptStarted(o.channel(), at));
	}

	@Override
	public synchronized void finish(String outreachId, int attempt, Instant at, String outcome, String code,
			String detail) {
		changeIf(outreachId, kept -> true, kept -> kept.attemptFinished(attempt, at, outcome, code, detail));
	}

	@Override
	public synchronized List<Attempt> attempts(String outreachId) {
		KeptOutreach kept = kept(outreachId);
		return kept == null ? List.of()
				: kept.attempts().stream().sorted(Comparator.comparingInt(Attempt::attempt)).toList();
	}

	@Override
	public synchronized void writeTables() {
		tables.write(List.copyOf(byId.committed().values()));
	}

	@Override
	public synchronized void clear() {
		byId.clear();
		idsOf.clear();
		byDedupeKey.clear();
		byProviderId.clear();
		fallbackOf.clear();
		tables.forget();
	}

	/** What makes a FAILED record wait for a person ({@link TableOutreachRows#NEEDS_PERSON}). */
	private boolean needsPerson(KeptOutreach kept) {
		Outreach o = kept.outreach();
		return o.status() == OutreachStatus.FAILED && o.handled() == null
				&& (OutreachQueries.mayHaveGoneOut(o) || !kept.fallbackDue() && fallbackOf.get(o.id()) == null);
	}

	private KeptOutreach kept(String id) {
		return id == null ? null : byId.get(id);
	}

	/** Changes the record with {@code id} when it is kept and {@code allowed}; false when it did not. */
	private boolean changeIf(String id, Predicate<KeptOutreach> allowed, UnaryOperator<KeptOutreach> change) {
		KeptOutreach kept = kept(id);
		if (kept == null || !allowed.test(kept)) {
			return false;
		}
		replace(change.apply(kept));
		return true;
	}

	/** Puts the changed record in place of the one with its id. */
	private void replace(KeptOutreach changed) {
		byId.put(changed.id(), changed);
		String providerId = changed.outreach().delivery().providerId();
		if (providerId != null) {
			byProviderId.put(providerId, changed.id());
		}
	}

	private List<String> idsOf(String customerId) {
		List<String> ids = idsOf.get(customerId);
		return ids == null ? List.of() : ids;
	}

	private Stream<KeptOutreach> of(String customerId) {
		return idsOf(customerId).stream().map(byId::get);
	}

	private Stream<Outreach> records(String customerId) {
		return of(customerId).map(KeptOutreach::outreach);
	}

	private Stream<KeptOutreach> all() {
		return byId.visible().values().stream();
	}
}
