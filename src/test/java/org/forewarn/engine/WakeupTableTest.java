package org.forewarn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.forewarn.BothDatabases;
import org.forewarn.rules.Wakeup;
import org.forewarn.shared.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wakeup table and its poller, on H2 and on PostgreSQL: once, in due order, retried, and shared by instances. */
class WakeupTableTest {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void askingTwiceKeepsOneAndARolledBackDecisionKeepsNone(String vendor) {
		Database db = database(vendor);
		Wakeup wakeup = new Wakeup("c-1", NOW, "o-1", "shipBy");
		db.table.schedule(wakeup);
		db.table.schedule(wakeup);
		db.transaction.executeWithoutResult(tx -> {
			db.table.schedule(wakeup); // inside a transaction, as the lanes ask: a duplicate spoils nothing
			db.table.schedule(new Wakeup("c-2", NOW, null, "check"));
			tx.setRollbackOnly();
		});

		assertThat(db.jdbc.sql("select customer_id from wakeup").query(String.class).list()).containsExactly("c-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aTransactionsWakeupsAreStoredWithItsCommitAndNotBefore(String vendor) {
		Database db = database(vendor);
		db.table.schedule(new Wakeup("c-1", NOW, "o-1", "shipBy"));
		List<String> seenByAnotherConnection = new ArrayList<>();
		List<String> seenByTheTransaction = new ArrayList<>();
		db.transaction.executeWithoutResult(tx -> {
			db.table.schedule(new Wakeup("c-1", NOW, "o-1", "shipBy")); // stored already
			db.table.schedule(new Wakeup("c-2", NOW.plusSeconds(60), null, "check"));
			db.table.schedule(new Wakeup("c-2", NOW.plusSeconds(60), null, "check")); // twice in one transaction
			db.table.schedule(new Wakeup("c-3", NOW.plusSeconds(120), "o-3", "promisedBy"));
			seenByAnotherConnection.addAll(customersWaitingOutside(db));
			seenByTheTransaction.addAll(db.jdbc.sql("select customer_id from wakeup order by due_at")
				.query(String.class).list());
		});

		assertThat(seenByAnotherConnection).containsExactly("c-1");
		// on PostgreSQL they are inserted in one batch as the transaction commits; on H2 one at a time at once
		assertThat(seenByTheTransaction).containsExactlyElementsOf(vendor.equals("postgresql") ? List.of("c-1")
				: List.of("c-1", "c-2", "c-3"));
		assertThat(customersWaitingOutside(db)).containsExactly("c-1", "c-2", "c-3");
		assertThat(db.jdbc.sql("select scheduled_at from wakeup where customer_id = 'c-3'")
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single()).isEqualTo(NOW);
	}

	@Test
	void aBatchThatCannotBeStoredFailsItsTransaction() {
		Database db = database("postgresql");
		db.jdbc.sql("alter table wakeup add constraint no_bad_label check (label <> 'bad')").update();

		assertThatThrownBy(() -> db.transaction.executeWithoutResult(tx -> {
			db.jdbc.sql("insert into customer_state (customer_id, state, updated_at, revision) values ('c-1', '{}', now(), 1)").update();
			db.table.schedule(new Wakeup("c-1", NOW, null, "check"));
			db.table.schedule(new Wakeup("c-1", NOW, null, "bad"));
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(db.jdbc.sql("select count(*) from customer_state").query(Integer.class).single()).isZero();
		assertThat(customersWaitingOutside(db)).isEmpty();
	}

	/** The wakeups as another connection sees them, outside the caller's transaction. */
	private static List<String> customersWaitingOutside(Database db) {
		try (var connection = db.dataSource.getConnection();
				var rows = connection.createStatement().executeQuery("select customer_id from wakeup order by due_at")) {
			List<String> customers = new ArrayList<>();
			while (rows.next()) {
				customers.add(rows.getString(1));
			}
			return customers;
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void dueWakeupsAreHandedOverOnceInTheOrderTheyWereDue(String vendor) {
		Database db = database(vendor);
		db.table.schedule(new Wakeup("c-late", NOW.minusSeconds(10), null, "check"));
		db.table.schedule(new Wakeup("c-later", NOW.minusSeconds(5), null, "check"));
		db.table.schedule(new Wakeup("c-first", NOW.minusSeconds(60), null, "check"));
		db.table.schedule(new Wakeup("c-future", NOW.plusSeconds(30), null, "check"));
		Recording handOver = new Recording();
		WakeupPoller poller = poller(db, handOver, 2);

		assertThat(poller.poll()).isEqualTo(3);
		assertThat(poller.poll()).isZero();

		assertThat(handOver.customers()).containsExactly("c-first", "c-late", "c-later");
		assertThat(db.jdbc.sql("select customer_id from wakeup").query(String.class).list()).containsExactly("c-future");
		now.set(NOW.plusSeconds(30));
		assertThat(poller.poll()).isEqualTo(1);
		assertThat(handOver.customers()).endsWith("c-future");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aWakeupAskedForPastItsTimeIsLateOnlyFromWhenItWasAskedFor(String vendor) {
		Database db = database(vendor);
		// a rule's wakeup decided from an event two days late, one asked for ahead of its time, one from before the
		// table kept when each was asked for
		db.table.schedule(new Wakeup("c-late-event", NOW.minus(Duration.ofDays(2)), null, "check"));
		db.table.schedule(new Wakeup("c-ahead", NOW.plusSeconds(5), null, "check"));
		db.jdbc.sql("insert into wakeup (id, customer_id, label, due_at, next_try_at) values ('old', 'c-old', 'check', "
				+ "?, ?)").params(NOW.minusSeconds(60).atOffset(ZoneOffset.UTC), NOW.minusSeconds(60)
					.atOffset(ZoneOffset.UTC)).update();
		now.set(NOW.plusSeconds(20));

		assertThat(db.table.waiting(now.get())).isEqualTo(new WakeupTable.Waiting(3, NOW.minusSeconds(60)));
		assertThat(db.table.take(now.get(), 10, now.get().plusSeconds(60)))
			.extracting(taken -> taken.wakeup().customerId() + " " + taken.lateFrom())
			.containsExactly("c-late-event " + NOW, "c-old " + NOW.minusSeconds(60), "c-ahead " + NOW.plusSeconds(5));
		db.jdbc.sql("delete from wakeup where id = 'old'").update();
		db.table.schedule(new Wakeup("c-late-event-2", NOW.minus(Duration.ofDays(1)), null, "check"));
		assertThat(db.table.waiting(now.get())).as("leased ones are not due; the new one is late from its asking")
			.isEqualTo(new WakeupTable.Waiting(3, NOW.plusSeconds(20)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aSettledWakeupNoLongerFiresUnlessItWasTakenAlready(String vendor) {
		Database db = database(vendor);
		Wakeup taken = new Wakeup("c-taken", NOW.minusSeconds(5), null, "dispatch");
		db.table.schedule(taken);
		Recording handOver = new Recording();
		assertThat(db.table.take(NOW, 10, NOW.plusSeconds(60))).hasSize(1); // on its way, leased
		Wakeup waiting = new Wakeup("c-waiting", NOW.minusSeconds(1), null, "dispatch");
		Wakeup other = new Wakeup("c-waiting", NOW.minusSeconds(1), null, "check");
		db.table.schedule(waiting);
		db.table.schedule(other);

		db.table.settled(List.of(taken, waiting));

		assertThat(db.jdbc.sql("select customer_id || ' ' || label from wakeup order by 1").query(String.class).list())
			.containsExactly("c-taken dispatch", "c-waiting check");
		assertThat(poller(db, handOver, 10).poll()).isEqualTo(1);
		assertThat(handOver.customers()).containsExactly("c-waiting");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aWakeupThatCannotBeHandedOverNowIsTriedAgainAfterAGrowingPause(String vendor) {
		Database db = database(vendor);
		db.table.schedule(new Wakeup("c-1", NOW, null, "check"));
		Recording handOver = new Recording();
		handOver.failing.put("c-1", "the broker is away");
		WakeupPoller poller = poller(db, handOver, 10);

		assertThat(poller.poll()).isEqualTo(1);
		now.set(NOW.plusSeconds(4));
		assertThat(poller.poll()).as("not before the first pause of 5 s").isZero();
		now.set(NOW.plusSeconds(5));
		assertThat(poller.poll()).isEqualTo(1);
		assertThat(db.jdbc.sql("select attempts, last_failure from wakeup").query((rs, row) -> rs.getInt(1) + " "
				+ rs.getString(2)).single()).isEqualTo("2 the broker is away");
		now.set(NOW.plusSeconds(5 + 9));
		assertThat(poller.poll()).as("the second pause is 10 s").isZero();

		handOver.failing.clear();
		now.set(NOW.plusSeconds(15));
		assertThat(poller.poll()).isEqualTo(1);
		assertThat(db.jdbc.sql("select count(*) from wakeup").query(Integer.class).single()).isZero();
		assertThat(handOver.customers()).containsExactly("c-1", "c-1", "c-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void wakeupsTakenByAnInstanceThatDiedFireAgainWhenItsLeaseEnds(String vendor) {
		Database db = database(vendor);
		db.table.schedule(new Wakeup("c-1", NOW, null, "check"));
		// taken, then the process died before handing it over
		assertThat(db.table.take(NOW, 10, NOW.plus(Duration.ofMinutes(1)))).hasSize(1);
		Recording handOver = new Recording();
		WakeupPoller poller = poller(db, handOver, 10);

		assertThat(poller.poll()).isZero();
		now.set(NOW.plus(Duration.ofMinutes(1)));
		assertThat(poller.poll()).isEqualTo(1);
		assertThat(handOver.customers()).containsExactly("c-1");
	}

	@Test
	void twoInstancesPollingAtOnceHandEachWakeupOverOnce() throws Exception {
		Database db = database("postgresql");
		int count = 2000;
		db.jdbc.sql("insert into wakeup (id, customer_id, label, due_at, next_try_at) select 'w-' || g, 'c-' || g, "
				+ "'check', ?, ? from generate_series(1, ?) g")
			.params(NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC), count).update();
		Recording handOver = new Recording();
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> taken = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				WakeupPoller poller = poller(db, handOver, 50);
				taken.add(instances.submit(poller::poll));
			}
			assertThat(taken.get(0).get() + taken.get(1).get()).isEqualTo(count);
		}
		finally {
			instances.shutdown();
		}
		assertThat(handOver.customers()).hasSize(count).doesNotHaveDuplicates();
		assertThat(db.jdbc.sql("select count(*) from wakeup").query(Integer.class).single()).isZero();
	}

	private WakeupPoller poller(Database db, Recording handOver, int batchSize) {
		return new WakeupPoller(db.table, handOver, new WakeupSettings(Duration.ofMillis(250), batchSize,
				Duration.ofMinutes(1)), clock, new SimpleMeterRegistry(), late -> { });
	}

	/** Hands over by remembering, failing for the customers it is told to. */
	private static final class Recording implements WakeupPoller.HandOver {

		final List<String> customers = Collections.synchronizedList(new ArrayList<>());
		final Map<String, String> failing = new HashMap<>();

		@Override
		public Map<WakeupTable.Taken, String> handOver(List<WakeupTable.Taken> due) {
			Map<WakeupTable.Taken, String> failures = new HashMap<>();
			for (WakeupTable.Taken taken : due) {
				customers.add(taken.wakeup().customerId());
				String failure = failing.get(taken.wakeup().customerId());
				if (failure != null) {
					failures.put(taken, failure);
				}
			}
			return failures;
		}

		List<String> customers() {
			return List.copyOf(customers);
		}
	}

	private record Database(JdbcClient jdbc, WakeupTable table, TransactionTemplate transaction,
			DataSource dataSource) {
	}

	private Database database(String vendor) {
		DataSource dataSource = databases.fresh(vendor);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		WakeupTable table = new WakeupTable(jdbc, new JdbcTemplate(dataSource),
				new DatabaseKind(dataSource).postgres(), transaction, clock);
		return new Database(jdbc, table, transaction, dataSource);
	}
}
