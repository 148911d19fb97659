package org.forewarn.customer;

import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both places a state is stored behave alike, transactions included, so a replay decides as live processing does. */
class StateRowStoreContractTest {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	/** A store, made on a fresh database of the vendor. */
	record Store(String vendor, Function<DataSource, StateRowStore> make) {
	}

	static Stream<Named<Store>> stores() {
		Store memory = new Store("h2", dataSource -> new MemoryStateStore());
		return Stream.concat(tables(), Stream.of(Named.of("memory", memory)));
	}

	/** The stores other instances share, where a lane's lock on a row keeps the others out. */
	static Stream<Named<Store>> tables() {
		Function<DataSource, StateRowStore> table = dataSource -> new TableStateStore(JdbcClient.create(dataSource),
				new JdbcTemplate(dataSource));
		return Stream.of(Named.of("table on H2", new Store("h2", table)),
				Named.of("table on PostgreSQL", new Store("postgresql", table)));
	}

	private StateRowStore rows;
	private TransactionTemplate transaction;

	private void open(Store store) {
		DataSource dataSource = databases.fresh(store.vendor());
		rows = store.make().apply(dataSource);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aRowIsInsertedUpdatedAndTouched(Store store) {
		open(store);
		assertThat(rows.lockRevision("c-1")).isEmpty();
		assertThat(rows.update("c-1", "{}", null, AT, 1)).isFalse();
		assertThat(rows.touch("c-1", 2)).isFalse();

		rows.insert("c-1", "{\"a\":1}", "+4915100000001", AT, 1);
		assertThat(rows.update("c-1", "{\"a\":2}", "+4915100000001", AT, 3)).isTrue();
		assertThat(rows.touch("c-1", 4)).isTrue();

		assertThat(rows.lockRevision("c-1")).contains(4L);
		assertThat(rows.state("c-1")).isEqualTo("{\"a\":2}");
		assertThat(rows.lockRevision("c-2")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aCustomerHasOneRowOnly(Store store) {
		open(store);
		rows.insert("c-1", "{}", null, AT, 1);

		assertThatThrownBy(() -> rows.insert("c-1", "{}", null, AT, 2)).isInstanceOf(RuntimeException.class);
		assertThat(rows.lockRevision("c-1")).contains(1L);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void customersAreFoundByPhoneInOrder(Store store) {
		open(store);
		rows.insert("c-2", "{}", "+4915100000001", AT, 1);
		rows.insert("c-1", "{}", "+4915100000001", AT, 1);
		rows.insert("c-3", "{}", "+4915100000009", AT, 1);
		rows.insert("c-4", "{}", null, AT, 1);

		assertThat(rows.customerIdsByPhone("+4915100000001")).containsExactly("c-1", "c-2");
		assertThat(rows.customerIdsByPhone("+4915100000002")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionSeesItsOwnWritesAndCommitsThem(Store store) {
		open(store);
		rows.insert("c-1", "{\"a\":1}", null, AT, 1);

		transaction.executeWithoutResult(tx -> {
			assertThat(rows.update("c-1", "{\"a\":2}", null, AT, 2)).isTrue();
			rows.insert("c-2", "{\"b\":1}", "+4915100000001", AT, 3);
			assertThat(rows.state("c-1")).isEqualTo("{\"a\":2}");
			assertThat(rows.lockRevision("c-2")).contains(3L);
			assertThat(rows.customerIdsByPhone("+4915100000001")).containsExactly("c-2");
		});

		assertThat(rows.state("c-1")).isEqualTo("{\"a\":2}");
		assertThat(rows.lockRevision("c-2")).contains(3L);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionWritingARowSeveralTimesStoresItsLastWrite(Store store) {
		open(store);
		rows.insert("c-1", "{\"a\":1}", null, AT, 1);

		transaction.executeWithoutResult(tx -> {
			assertThat(rows.lockRevision("c-1")).contains(1L);
			assertThat(rows.update("c-1", "{\"a\":2}", null, AT, 2)).isTrue();
			assertThat(rows.update("c-1", "{\"a\":3}", "+4915100000001", AT, 3)).isTrue();
			assertThat(rows.touch("c-1", 4)).isTrue();
			rows.insert("c-2", "{\"b\":1}", null, AT, 5);
			assertThat(rows.update("c-2", "{\"b\":2}", null, AT, 6)).isTrue();
			assertThat(rows.lockRevision("c-1")).contains(4L);
			assertThat(rows.state("c-1")).isEqualTo("{\"a\":3}");
			assertThat(rows.state("c-2")).isEqualTo("{\"b\":2}");
			assertThatThrownBy(() -> rows.insert("c-2", "{}", null, AT, 7)).isInstanceOf(RuntimeException.class);
		});

		assertThat(rows.lockRevision("c-1")).contains(4L);
		assertThat(rows.state("c-1")).isEqualTo("{\"a\":3}");
		assertThat(rows.customerIdsByPhone("+4915100000001")).containsExactly("c-1");
		assertThat(rows.lockRevision("c-2")).contains(6L);
		assertThat(rows.state("c-2")).isEqualTo("{\"b\":2}");
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionAddingARowThatIsThereAlreadyFails(Store store) {
		open(store);
		rows.insert("c-1", "{\"a\":1}", null, AT, 1);

		// stored with the transaction's other rows, so the table tells when it commits
		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			rows.insert("c-2", "{\"b\":1}", null, AT, 2);
			rows.insert("c-1", "{\"a\":2}", null, AT, 3);
		})).isInstanceOf(RuntimeException.class);

		assertThat(rows.state("c-1")).isEqualTo("{\"a\":1}");
		assertThat(rows.lockRevision("c-2")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aRolledBackTransactionLeavesNothing(Store store) {
		open(store);
		rows.insert("c-1", "{\"a\":1}", null, AT, 1);

		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			rows.update("c-1", "{\"a\":2}", null, AT, 2);
			rows.touch("c-1", 5);
			rows.insert("c-2", "{\"b\":1}", null, AT, 3);
			throw new IllegalStateException("the processing fails");
		})).hasMessage("the processing fails");

		assertThat(rows.state("c-1")).isEqualTo("{\"a\":1}");
		assertThat(rows.lockRevision("c-1")).contains(1L);
		assertThat(rows.lockRevision("c-2")).isEmpty();
		// and the next transaction starts clean
		transaction.executeWithoutResult(tx -> rows.insert("c-2", "{\"b\":2}", null, AT, 4));
		assertThat(rows.state("c-2")).isEqualTo("{\"b\":2}");
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionOfItsOwnInsideAnotherKeepsItsWritesApart(Store store) {
		open(store);
		TransactionTemplate ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			rows.insert("c-1", "{\"a\":1}", null, AT, 1);
			ownTransaction.executeWithoutResult(inner -> rows.insert("c-2", "{\"b\":1}", null, AT, 2));
			assertThat(rows.lockRevision("c-1")).contains(1L);
			throw new IllegalStateException("the outer one fails");
		})).hasMessage("the outer one fails");

		assertThat(rows.lockRevision("c-1")).isEmpty();
		assertThat(rows.state("c-2")).isEqualTo("{\"b\":1}");
	}

	@ParameterizedTest
	@MethodSource("stores")
	void clearingDropsEveryRow(Store store) {
		open(store);
		rows.insert("c-1", "{}", null, AT, 1);

		rows.clear();

		assertThat(rows.lockRevision("c-1")).isEmpty();
	}
}
