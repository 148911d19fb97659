package org.forewarn.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/**
 * Prunes personal data older than its retention period, in batches of one transaction each, walking each table
 * by time along an index and remembering how far it got ({@code retention_progress}). Every step can be repeated:
 * a run cut off by a crash starts again where the last committed batch ended.
 */
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);
	/** Outreach that may still change or still needs its text in front of a person. */
	static final String WAITING = "'SCHEDULED', 'PENDING_REVIEW', 'OPEN', 'CLAIMED'";

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final RetentionSettings settings;
	private final PersonalData personal;
	private final Clock clock;

	Retention(JdbcClient jdbc, TransactionTemplate transaction, RetentionSettings settings, PersonalData personal,
			Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.settings = settings;
		this.personal = personal;
		this.clock = clock;
	}

	/** What one run pruned. */
	record Pruned(int eventPayloads, int messages, int outreachDetails, int detections) {
	}

	/** Prunes everything that has outlived its period by now. */
	Pruned prune() {
		Instant now = clock.instant();
		int events = walk("event-payloads", now.minus(settings.eventPayloads()),
				"select id, received_at from event where pruned_at is null and ", "received_at",
				ids -> ids.forEach(id -> personal.prunePayload(id, now)));
		int messages = walk("messages", now.minus(settings.messages()),
				"select id, updated_at from outreach where status not in (" + WAITING + ") and ", "updated_at",
				personal::deleteMessages);
		int details = walk("outreach-details", now.minus(settings.outreachDetails()),
				"select id, updated_at from outreach where status not in (" + WAITING + ") and ", "updated_at",
				ids -> personal.pruneOutreachDetails(ids, List.of()));
		int detections = pruneDetections(now.minus(settings.outreachDetails()));
		Pruned pruned = new Pruned(events, messages, details, detections);
		if (events + messages + details + detections > 0) {
			log.info("Retention pruned personal data: {} event payloads, outreach rows {} (messages) and {} "
					+ "(details), {} detection explanations", events, messages, details, detections);
		}
		return pruned;
	}

	/** Explanations of detections made before {@code cutoff} (the facts matched then), batch by batch. */
	private int pruneDetections(Instant cutoff) {
		int total = 0;
		while (true) {
			List<String[]> keys = jdbc.sql("select customer_id, problem, subject, rule_name from detection "
					+ "where detected_at < ? and explanation is not null order by detected_at limit "
					+ settings.batchSize())
				.param(utc(cutoff))
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
				.list();
			transaction.executeWithoutResult(tx -> keys.forEach(key -> jdbc.sql("update detection set explanation = "
					+ "null where customer_id = ? and problem = ? and subject = ? and rule_name = ?")
				.params((Object[]) key).update()));
			total += keys.size();
			if (keys.size() < settings.batchSize()) {
				return total;
			}
		}
	}

	interface Batch {
		void prune(List<String> ids);
	}

	/**
	 * Walks {@code select} (keys and times, condition to be completed) from where the kind stopped up to
	 * {@code cutoff}, batch by batch in (time, id) order; each batch and the progress after it commit together.
	 */
	private int walk(String kind, Instant cutoff, String select, String timeColumn, Batch batch) {
		Instant from = jdbc.sql("select done_until from retention_progress where kind = ?").param(kind)
			.query((rs, row) -> instant(rs, 1)).optional().orElse(Instant.EPOCH);
		String lastId = "";
		Instant lastAt = from;
		int total = 0;
		while (true) {
			Instant at = lastAt;
			String id = lastId;
			List<Row> rows = jdbc.sql(select + "((" + timeColumn + " = ? and id > ?) or " + timeColumn + " > ?) and "
					+ timeColumn + " < ? order by " + timeColumn + ", id limit " + settings.batchSize())
				.params(utc(at), id, utc(at), utc(cutoff))
				.query((rs, row) -> new Row(rs.getString(1), instant(rs, 2))).list();
			boolean last = rows.size() < settings.batchSize();
			Instant doneUntil = last ? cutoff : rows.get(rows.size() - 1).at();
			transaction.executeWithoutResult(tx -> {
				if (!rows.isEmpty()) {
					batch.prune(rows.stream().map(Row::id).toList());
				}
				progress(kind, doneUntil);
			});
			total += rows.size();
			if (last) {
				return total;
			}
			lastAt = rows.get(rows.size() - 1).at();
			lastId = rows.get(rows.size() - 1).id();
		}
	}

	private void progress(String kind, Instant doneUntil) {
		if (jdbc.sql("update retention_progress set done_until = ? where kind = ? and done_until < ?")
			.params(utc(doneUntil), kind, utc(doneUntil)).update() == 0) {
			boolean exists = jdbc.sql("select count(*) from retention_progress where kind = ?").param(kind)
				.query(Integer.class).single() > 0;
			if (!exists) {
				jdbc.sql("insert into retention_progress (kind, done_until) values (?, ?)")
					.params(kind, utc(doneUntil)).update();
			}
		}
	}

	private record Row(String id, Instant at) {
	}
}
