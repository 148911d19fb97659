package org.forewarn.event;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.forewarn.MigratedH2;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forewarn.TestEvents.simple;

/** Both places events are kept behave alike, transactions included, so a replay decides as live processing does. */
class EventRowsContractTest {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	static Stream<Named<Function<DataSource, EventRows>>> stores() {
		return Stream.of(
				Named.of("table", dataSource -> new TableEventRows(JdbcClient.create(dataSource),
						new JdbcTemplate(dataSource), false)),
				Named.of("memory", dataSource -> new MemoryEventRows()));
	}

	private EventRows rows;
	private TransactionTemplate transaction;

	private void open(Function<DataSource, EventRows> store) {
		DataSource dataSource = MigratedH2.dataSource();
		rows = store.apply(dataSource);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void eachIdIsNewOnce(Function<DataSource, EventRows> store) {
		open(store);
		assertThat(rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT)).containsExactly(true);
		assertThat(rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT)).containsExactly(false);

		assertThat(rows.insertAllIfNew(List.of(event("e-2", "c-1", 1), event("e-1", "c-1", 0),
				event("e-3", "c-2", 2), event("e-2", "c-1", 1)), AT)).containsExactly(true, false, true, false);
		assertThat(rows.ofCustomer("c-1")).extracting(Event::id).containsExactly("e-1", "e-2");
	}

	@ParameterizedTest
	@MethodSource("stores")
	void eventsComeInEventTimeOrder(Function<DataSource, EventRows> store) {
		open(store);
		rows.insertAllIfNew(List.of(event("e-b", "c-1", 60), event("e-late", "c-2", 120),
				event("e-a", "c-1", 60), event("e-first", "c-1", 0)), AT);
		rows.insertAllIfNew(List.of(event("e-received-later", "c-1", 30)), AT.plusSeconds(5));
		rows.insertAllIfNew(List.of(event("e-received-first", "c-1", 30)), AT.minusSeconds(5));
		rows.insertAllIfNew(List.of(order("o-1", "c-1", 90)), AT);

		assertThat(rows.ofTypes(List.of("account.activity"))).extracting(Event::id).containsExactly("e-first",
				"e-received-first", "e-received-later", "e-a", "e-b", "e-late");
		assertThat(rows.ofTypes(List.of("order.delivered", "account.activity"))).extracting(Event::id)
			.contains("o-1").hasSize(7);
		assertThat(rows.ofTypes(List.of("payment.failed"))).isEmpty();
		assertThat(rows.ofCustomer("c-1")).extracting(Event::id).containsExactly("e-first", "e-received-first",
				"e-received-later", "e-a", "e-b", "o-1");
		assertThat(rows.ofCustomer("c-9")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void anEventComesBackAsItWasStored(Function<DataSource, EventRows> store) {
		open(store);
		Event stored = order("o-1", "c-1", 0);
		rows.insertAllIfNew(List.of(stored), AT);

		Event found = rows.ofCustomer("c-1").get(0);
		assertThat(EventJson.write(found)).isEqualTo(EventJson.write(stored));
		assertThat(found.instant()).isEqualTo(stored.instant());
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionSeesItsOwnEventsAndCommitsThem(Function<DataSource, EventRows> store) {
		open(store);
		transaction.executeWithoutResult(tx -> {
			assertThat(rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT)).containsExactly(true);
			assertThat(rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT)).containsExactly(false);
			assertThat(rows.ofCustomer("c-1")).extracting(Event::id).containsExactly("e-1");
		});

		assertThat(rows.ofTypes(List.of("account.activity"))).extracting(Event::id).containsExactly("e-1");
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aRolledBackTransactionLeavesNothing(Function<DataSource, EventRows> store) {
		open(store);
		rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT);

		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			rows.insertAllIfNew(List.of(event("e-2", "c-1", 1), event("e-3", "c-2", 2)), AT);
			throw new IllegalStateException("the processing fails");
		})).hasMessage("the processing fails");

		assertThat(rows.ofTypes(List.of("account.activity"))).extracting(Event::id).containsExactly("e-1");
		// the events are new again, to the next transaction
		transaction.executeWithoutResult(tx -> assertThat(rows.insertAllIfNew(List.of(event("e-2", "c-1", 1)), AT))
			.containsExactly(true));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionOfItsOwnInsideAnotherKeepsItsEventsApart(Function<DataSource, EventRows> store) {
		open(store);
		TransactionTemplate ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT);
			ownTransaction.executeWithoutResult(inner -> rows.insertAllIfNew(List.of(event("e-2", "c-1", 1)), AT));
			throw new IllegalStateException("the outer one fails");
		})).hasMessage("the outer one fails");

		assertThat(rows.ofCustomer("c-1")).extracting(Event::id).containsExactly("e-2");
	}

	@ParameterizedTest
	@MethodSource("stores")
	void clearingDropsEveryEvent(Function<DataSource, EventRows> store) {
		open(store);
		rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT);

		rows.clear();

		assertThat(rows.ofCustomer("c-1")).isEmpty();
		assertThat(rows.insertAllIfNew(List.of(event("e-1", "c-1", 0)), AT)).containsExactly(true);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void idsOfAsManyCharactersAsIntakeTakesAreStoredWhateverTheCharacters(Function<DataSource, EventRows> store) {
		open(store);
		String emojis = "\uD83D\uDE00".repeat(128); // 128 characters, 256 UTF-16 units
		Event event = EventParser.parse(simple(emojis, "order.delivered", AT, emojis, emojis, "{}"));

		assertThat(rows.insertAllIfNew(List.of(event), AT)).containsExactly(true);

		assertThat(rows.ofCustomer(emojis)).singleElement().satisfies(stored -> {
			assertThat(stored.id()).isEqualTo(emojis);
			assertThat(stored.orderId()).isEqualTo(emojis);
		});
	}

	private static Event event(String id, String customerId, int minutes) {
		return EventParser.parse(simple(id, "account.activity", AT.plusSeconds(60L * minutes), customerId, null,
				"{\"metric\":\"logins\",\"value\":1}"));
	}

	private static Event order(String id, String customerId, int minutes) {
		return EventParser.parse(simple(id, "order.delivered", AT.plusSeconds(60L * minutes), customerId, "o-9",
				"{\"deliveredAt\":\"2026-03-01T11:00:00+02:00\"}"));
	}
}
