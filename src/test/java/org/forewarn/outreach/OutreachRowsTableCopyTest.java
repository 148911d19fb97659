package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.outreach.OutreachRowsFixtures.ALL;
import static org.forewarn.outreach.OutreachRowsFixtures.NANOS;
import static org.forewarn.outreach.OutreachRowsFixtures.NOW;
import static org.forewarn.outreach.OutreachRowsFixtures.find;
import static org.forewarn.outreach.OutreachRowsFixtures.insert;
import static org.forewarn.outreach.OutreachRowsFixtures.insertTask;
import static org.forewarn.outreach.OutreachRowsFixtures.record;
import static org.forewarn.outreach.OutreachStatus.DELIVERED;
import static org.forewarn.outreach.OutreachStatus.FAILED;
import static org.forewarn.outreach.OutreachStatus.OPEN;
import static org.forewarn.outreach.OutreachStatus.PENDING_REVIEW;
import static org.forewarn.outreach.OutreachStatus.SCHEDULED;
import static org.forewarn.outreach.OutreachStatus.SENT;

/** A replay's records kept in memory, written to the tables, read back from them as they are kept. */
class OutreachRowsTableCopyTest {

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	/**
	 * A replay's records written to the tables read back from them as they are kept, history and attempts included;
	 * written again after further changes, each copy is replaced, and after a clear nothing is left to write.
	 */
	@Test
	void aReplaysRecordsWrittenToTheTablesReadBackFromThemAsTheyAreKept() {
		DataSource dataSource = databases.fresh("h2");
		OutreachRows memory = OutreachPlaces.rows("memory", dataSource);
		OutreachRows tables = OutreachPlaces.rows("h2", dataSource);
		OutreachStore store = OutreachPlaces.store(memory);
		AttemptStore attempts = new AttemptStore(memory);

		Outreach full = new Outreach("full", "c-1", "o-1", "late-rule", "v3", "order.late", "sms", "order_late",
				NANOS, NANOS.plusSeconds(60), SCHEDULED, "decided", null, "Order(o-1) late", null, null,
				new SendPolicy(NANOS.plus(Duration.ofDays(1)), "email,task", true, 2, 12.5, 30), null, "earlier",
				null, null);
		assertThat(store.insert(full, "key-full", false, null, "lead@example.com")).isTrue();
		assertThat(attempts.claim(full, 0, NANOS.plusSeconds(61))).isTrue();
		attempts.finish("full", 1, NANOS.plusSeconds(62), "RETRY", "20429", "too many requests");
		assertThat(store.reschedule("full", List.of(SCHEDULED), NOW.plusSeconds(600), "retry", NOW.plusSeconds(62)))
			.isTrue();
		assertThat(attempts.claim(find(store, "full"), 1, NOW.plusSeconds(600))).isTrue();
		assertThat(store.sent("full", SENT, "sent", NOW.plusSeconds(601), "SM-1")).isTrue();

		insert(store, record("c-1", "failed", "email", NOW, NOW));
		assertThat(store.fail("failed", List.of(SCHEDULED), "bounced", "550", NOW.plusSeconds(5), true)).isTrue();
		insert(store, new Outreach("fallback", "c-1", "o-1", "late-rule", "v3", "order.late", "sms", "order_late",
				NOW.plusSeconds(5), NOW.plusSeconds(5), SCHEDULED, null, null, "why", "failed", null,
				SendPolicy.DEFAULT, null));
		store.fallbackCreated("failed");
		insert(store, record("c-1", "gone", "sms", NOW, NOW));
		assertThat(attempts.claim(find(store, "gone"), 0, NOW)).isTrue();
		assertThat(store.mayHaveGoneOut("gone", "stopped", "interrupted", NOW.plusSeconds(9), NOW)).isTrue();
		assertThat(store.handle("gone", "lead@example.com", NANOS.plusSeconds(20))).isTrue();
		store.note("gone", NANOS.plusSeconds(20), FAILED, "let be by lead@example.com", "lead@example.com");
		insertTask(store, "c-2", "task", Duration.ofHours(1));
		assertThat(store.sent("task", OPEN, "opened", NOW, null)).isTrue();
		insertTask(store, "c-2", "escalated", Duration.ofHours(1));
		assertThat(store.sent("escalated", OPEN, "opened", NOW, null)).isTrue();
		assertThat(store.claimEscalation("escalated", NOW.plus(Duration.ofHours(2)))).isTrue();
		insert(store, record("c-2", "held", "email", NOW, NOW));
		assertThat(store.holdForReview("held", "hourly ceiling", NOW.plusSeconds(3600), NOW.plusSeconds(1)))
			.isTrue();
		store.note("held", NOW.minusSeconds(1), PENDING_REVIEW, "an earlier step", null);
		List<String> ids = List.of("full", "failed", "fallback", "gone", "task", "escalated", "held");

		memory.writeTables();
		assertReadAlike(memory, tables, ids);

		attempts.finish("full", 2, NOW.plusSeconds(602), "SENT", null, null);
		assertThat(store.transition("full", List.of(SENT), DELIVERED, "delivered", NOW.plusSeconds(700), null))
			.isTrue();
		assertThat(store.fail("fallback", List.of(SCHEDULED), "bounced", "30003", NOW.plusSeconds(30), false))
			.isTrue();
		store.releaseEscalation("escalated");
		insert(store, record("c-3", "later", "email", NOW.plusSeconds(60), NOW.plusSeconds(60)));
		List<String> more = List.of("full", "failed", "fallback", "gone", "task", "escalated", "held", "later");

		memory.writeTables();
		assertReadAlike(memory, tables, more);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select count(*) from outreach").query(Integer.class).single())
			.as("each record copied once").isEqualTo(more.size());
		assertThat(jdbc.sql("select count(*) from outreach_status_change").query(Integer.class).single())
			.as("each history step copied once")
			.isEqualTo(more.stream().mapToInt(id -> memory.history(id).size()).sum());
		assertThat(jdbc.sql("select count(*) from outreach_attempt").query(Integer.class).single())
			.as("each attempt copied once").isEqualTo(more.stream().mapToInt(id -> memory.attempts(id).size()).sum());

		memory.clear();
		memory.writeTables();
		assertThat(memory.search(ALL, 100)).isEmpty();
		// as a replay starts over: its tables emptied, its memory cleared; the same record made again is copied again
		for (String table : List.of("outreach_attempt", "outreach_status_change", "outreach")) {
			jdbc.sql("delete from " + table).update();
		}
		memory.clear();
		memory.writeTables();
		assertThat(tables.search(ALL, 100)).isEmpty();
		assertThat(store.insert(full, "key-full", false, null, "lead@example.com")).isTrue();
		memory.writeTables();
		assertReadAlike(memory, tables, List.of("full"));
	}

	/** What the tables give back, read record by record and as the stores list them, is what the memory keeps. */
	private static void assertReadAlike(OutreachRows memory, OutreachRows tables, List<String> ids) {
		for (String id : ids) {
			assertThat(tables.find(id)).as("record %s", id).isPresent().isEqualTo(memory.find(id));
			assertThat(tables.history(id)).as("history of %s", id).isNotEmpty().isEqualTo(memory.history(id));
			assertThat(tables.attempts(id)).as("attempts of %s", id).isEqualTo(memory.attempts(id));
			assertThat(tables.dedupeKey(id)).as("dedupe key of %s", id).isEqualTo(memory.dedupeKey(id));
			assertThat(tables.dueWithinSeconds(id)).as("time to be handled of %s", id)
				.isEqualTo(memory.dueWithinSeconds(id));
			String customerId = memory.find(id).orElseThrow().customerId();
			assertThat(tables.findByCustomer(customerId)).isEqualTo(memory.findByCustomer(customerId));
			assertThat(tables.findOpenWork(customerId)).as("open work of %s", customerId)
				.isEqualTo(memory.findOpenWork(customerId));
		}
		assertThat(tables.search(ALL, 100)).isEqualTo(memory.search(ALL, 100));
		assertThat(tables.needingPerson(100)).isEqualTo(memory.needingPerson(100));
		assertThat(tables.countMayHaveGoneOut()).isEqualTo(memory.countMayHaveGoneOut());
		Instant later = NOW.plus(Duration.ofHours(3));
		assertThat(tables.overdueNotEscalated(later, 100)).as("escalations claimed")
			.isEqualTo(memory.overdueNotEscalated(later, 100));
		assertThat(tables.countTasks(OPEN, later)).isEqualTo(memory.countTasks(OPEN, later));
	}
}
