package org.forewarn.outreach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.shared.StoredTime.utc;

/**
 * Copies outreach kept in memory ({@link MemoryOutreachRows}) into the tables, for readers of the tables themselves
 * (the outcome report): each record changed since its last copy replaces that copy, with its history and attempts,
 * in batches, in a transaction of its own. A copy that fails leaves the tables and what was copied as they were.
 */
final class OutreachTableCopy {

	private static final String INSERT = "insert into outreach (" + OutreachRow.COLUMNS + ", dedupe_key, "
			+ "fallback_due, updated_at, due_within_seconds, escalated_at) values (" + "?, ".repeat(33) + "?)";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	/** The version of each record last copied: records never change, so a different one has changed. */
	private final Map<String, KeptOutreach> copied = new HashMap<>();

	OutreachTableCopy(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void write(List<KeptOutreach> records) {
		List<KeptOutreach> changed = records.stream().filter(k -> copied.get(k.id()) != k).toList();
		transaction.executeWithoutResult(tx -> replace(changed));
		changed.forEach(k -> copied.put(k.id(), k));
	}

	private void replace(List<KeptOutreach> changed) {
		List<Object[]> replaced = changed.stream().filter(k -> copied.containsKey(k.id()))
			.map(k -> new Object[] {k.id()}).toList();
		for (String table : List.of("outreach_attempt", "outreach_status_change")) {
			jdbc.batchUpdate("delete from " + table + " where outreach_id = ?", replaced);
		}
		jdbc.batchUpdate("delete from outreach where id = ?", replaced);
		jdbc.batchUpdate(INSERT, changed.stream().map(OutreachTableCopy::row).toList());
		List<Object[]> steps = new ArrayList<>();
		List<Object[]> attempts = new ArrayList<>();
		for (KeptOutreach k : changed) {
			k.history().forEach(s -> steps.add(new Object[] {k.id(), utc(s.at()), s.status().name(), s.reason(),
					s.actor()}));
			k.attempts().forEach(a -> attempts.add(new Object[] {k.id(), a.attempt(), a.channel(), utc(a.startedAt()),
					utc(a.finishedAt()), a.outcome(), a.code(), a.detail()}));
		}
		jdbc.batchUpdate(TableOutreachRows.HISTORY_INSERT + "values (?, ?, ?, ?, ?)", steps);
		jdbc.batchUpdate("insert into outreach_attempt (outreach_id, attempt, channel, started_at, finished_at, "
				+ "outcome, code, detail) values (?, ?, ?, ?, ?, ?, ?, ?)", attempts);
	}

	/** Forgets what was copied: for tables emptied under it. */
	void forget() {
		copied.clear();
	}

	private static Object[] row(KeptOutreach k) {
		Outreach o = k.outreach();
		SendPolicy p = o.policy();
		Outreach.Delivery d = o.delivery();
		return Arrays.asList(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(), o.problem(), o.channel(),
				o.template(), utc(o.decidedAt()), utc(o.sendAt()), o.status().name(), o.statusReason(),
				utc(o.sentAt()), o.explanation(), o.fallbackFor(), utc(o.reviewUntil()), utc(p.notLaterThan()),
				p.fallback(), p.deferWhenCapped(), p.step(), d.attempts(), d.providerId(), d.providerCode(),
				p.holdoutPercent(), p.hourlyCeiling(), o.resendOf(), utc(o.dueAt()),
				o.handled() == null ? null : utc(o.handled().at()), o.handled() == null ? null : o.handled().by(),
				k.dedupeKey(), k.fallbackDue(), utc(k.updatedAt()), k.dueWithinSeconds(), utc(k.escalatedAt()))
			.toArray();
	}
}
