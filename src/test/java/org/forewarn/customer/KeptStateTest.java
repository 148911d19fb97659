package org.forewarn.customer;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.forewarn.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state a lane keeps between a customer's events is used only while the stored row is the one it wrote. */
class KeptStateTest {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	private DataSource dataSource;
	private JdbcClient jdbc;
	private JdbcTemplate batches;
	private CustomerStateStore lane;

	@BeforeEach
	void database() {
		dataSource = MigratedH2.dataSource();
		jdbc = JdbcClient.create(dataSource);
		batches = new JdbcTemplate(dataSource);
		lane = instance(100, false, false);
	}

	@Test
	void theStateWrittenLastIsUsedAgainWithoutReadingIt() {
		CustomerState written = placed("c-1", "o-1");
		lane.save(written, AT);

		assertThat(lane.loadInLane("c-1")).isSameAs(written);
	}

	@Test
	void aRowWrittenElsewhereIsReadAgain() {
		lane.save(placed("c-1", "o-1"), AT);
		CustomerStateStore otherInstance = instance(100, false, false);
		otherInstance.save(placed("c-1", "o-2"), AT.plusSeconds(60));

		CustomerState loaded = lane.loadInLane("c-1");

		assertThat(loaded.orders()).containsOnlyKeys("o-2");
	}

	@Test
	void anErasedCustomerStartsEmpty() {
		lane.save(placed("c-1", "o-1"), AT);
		jdbc.sql("delete from customer_state where customer_id = ?").param("c-1").update();

		assertThat(lane.loadInLane("c-1").orders()).isEmpty();
	}

	@Test
	void aFailedProcessingLeavesNoChangeBehind() {
		lane.save(placed("c-1", "o-1"), AT);
		CustomerState changed = lane.loadInLane("c-1");
		changed.order("o-2").placed(AT, null, null, null, null, null); // then the processing fails, rolled back
		lane.forget("c-1");

		assertThat(lane.loadInLane("c-1").orders()).containsOnlyKeys("o-1");
	}

	@Test
	void aCacheOfNoneReadsEveryTime() {
		CustomerStateStore uncached = instance(0, false, false);
		CustomerState written = placed("c-1", "o-1");
		uncached.save(written, AT);

		CustomerState loaded = uncached.loadInLane("c-1");

		assertThat(loaded).isNotSameAs(written);
		assertThat(loaded.orders()).containsOnlyKeys("o-1");
	}

	@Test
	void aCustomersFirstStateIsStoredAndKept() {
		CustomerState first = lane.loadInLane("c-1");
		first.order("o-1").placed(AT, null, null, null, null, null);
		lane.save(first, AT);

		assertThat(lane.loadInLane("c-1")).isSameAs(first);
		assertThat(instance(0, false, false).load("c-1").orders()).containsOnlyKeys("o-1");
	}

	@Test
	void aFirstStateAnotherInstanceStoredMeanwhileIsNotOverwritten() {
		CustomerState first = lane.loadInLane("c-1"); // none stored yet
		first.order("o-1").placed(AT, null, null, null, null, null);
		instance(100, false, false).save(placed("c-1", "o-2"), AT); // a hand-over

		// a failure that may pass: the event is tried again and then reads the row stored meanwhile
		assertThatThrownBy(() -> lane.save(first, AT)).isInstanceOf(DuplicateKeyException.class);
		assertThat(lane.load("c-1").orders()).containsOnlyKeys("o-2");
	}

	@Test
	void aFirstStateAnotherInstanceStoredMeanwhileFailsTheTransactionAsItCommits() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

		// stored with the transaction's other rows: a failure that may pass, the share is tried again
		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			CustomerState first = lane.loadInLane("c-1"); // none stored yet
			first.order("o-1").placed(AT, null, null, null, null, null);
			lane.save(first, AT);
			CustomerStateStore otherInstance = instance(100, false, false);
			CompletableFuture.runAsync(() -> otherInstance.save(placed("c-1", "o-2"), AT)).join(); // a hand-over
		})).isInstanceOf(DuplicateKeyException.class);
		lane.forget("c-1");

		assertThat(lane.loadInLane("c-1").orders()).containsOnlyKeys("o-2");
	}

	@Test
	void aFirstStateIsStoredWithoutACache() {
		CustomerStateStore uncached = instance(0, false, false);
		CustomerState first = uncached.loadInLane("c-1");
		first.order("o-1").placed(AT, null, null, null, null, null);
		uncached.save(first, AT);

		assertThat(uncached.loadInLane("c-1").orders()).containsOnlyKeys("o-1");
	}

	@Test
	void aSoleWriterUsesItsKeptStateWithoutLockingTheRow() {
		CustomerStateStore replay = instance(100, true, false);
		CustomerState written = placed("c-1", "o-1");
		replay.save(written, AT);
		// no one else writes in a replay: were the row changed all the same, the replay would not look
		jdbc.sql("update customer_state set revision = 7 where customer_id = ?").param("c-1").update();

		assertThat(replay.loadInLane("c-1")).isSameAs(written);
	}

	@Test
	void aRowItsTransactionLockedIsNotLockedAgainForTheCustomersNextEvent() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		lane.save(placed("c-1", "o-1"), AT);
		lane.save(placed("c-2", "o-2"), AT);

		transaction.executeWithoutResult(tx -> {
			CustomerState first = lane.loadInLane("c-1"); // locks the row
			lane.save(first, AT);
			CustomerState created = lane.loadInLane("c-3"); // no row yet: its save inserts it
			lane.save(created, AT);
			// no one else can change these rows now: were they changed all the same, the lane would not look
			jdbc.sql("update customer_state set revision = 7").update();

			assertThat(lane.loadInLane("c-1")).isSameAs(first);
			assertThat(lane.loadInLane("c-3")).isSameAs(created);
			assertThat(lane.loadInLane("c-2").orders()).containsOnlyKeys("o-2"); // not locked before: looked at
		});
	}

	@Test
	void theNextTransactionLocksTheRowAgain() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult(tx -> lane.save(lane.loadInLane("c-1"), AT));
		instance(100, false, false).save(placed("c-1", "o-2"), AT);

		transaction.executeWithoutResult(tx -> assertThat(lane.loadInLane("c-1").orders()).containsOnlyKeys("o-2"));
	}

	@Test
	void aSoleWriterReadsAStateItKeepsNoLonger() {
		instance(100, false, false).save(placed("c-1", "o-1"), AT);
		CustomerStateStore replay = instance(0, true, false);

		assertThat(replay.loadInLane("c-1").orders()).containsOnlyKeys("o-1");
		assertThat(replay.loadInLane("c-2").orders()).isEmpty();
	}

	@Test
	void statesKeptInMemoryComeBackAsCommittedAfterAFailureAndNeverReachTheTable() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		CustomerStateStore replay = instance(100, false, true);
		transaction.executeWithoutResult(tx -> replay.save(placed("c-1", "o-1"), AT));

		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			CustomerState changed = replay.loadInLane("c-1");
			changed.order("o-2").placed(AT, null, null, null, null, null);
			replay.save(changed, AT);
			throw new IllegalStateException("the processing fails");
		})).hasMessage("the processing fails");
		replay.forget("c-1");

		assertThat(replay.loadInLane("c-1").orders()).containsOnlyKeys("o-1");
		assertThat(jdbc.sql("select count(*) from customer_state").query(Integer.class).single()).isZero();
	}

	/** A store as an instance keeps it: {@code cached} states in memory, as the sole writer, its rows in memory. */
	private CustomerStateStore instance(int cached, boolean soleWriter, boolean inMemory) {
		return new CustomerStateStore(jdbc, batches, new StateCacheSettings(cached, soleWriter, inMemory));
	}

	private static CustomerState placed(String customerId, String orderId) {
		CustomerState state = new CustomerState(customerId);
		state.order(orderId).placed(AT, null, null, null, null, null);
		return state;
	}
}
