package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.rules.Decided;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Both places detections are kept behave alike, transactions included, so a replay decides as live processing does. */
class DetectionRowsContractTest {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	/** A store, made on a fresh database of the vendor. */
	record Store(String vendor, Function<DataSource, DetectionRows> make) {
	}

	static Stream<Named<Store>> stores() {
		return Stream.of(
				Named.of("table on H2", new Store("h2", dataSource -> new TableDetectionRows(
						JdbcClient.create(dataSource), false))),
				Named.of("table on PostgreSQL", new Store("postgresql", dataSource -> new TableDetectionRows(
						JdbcClient.create(dataSource), true))),
				Named.of("memory", new Store("h2", dataSource -> new MemoryDetectionRows())));
	}

	private DetectionRows rows;
	private TransactionTemplate transaction;

	private void open(Store store) {
		DataSource dataSource = databases.fresh(store.vendor());
		rows = store.make().apply(dataSource);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aDetectionIsKeptOncePerProblemSubjectAndRule(Store store) {
		open(store);
		rows.open("c-1", late("o-1", "r-late"), "v1", AT);
		rows.open("c-1", late("o-1", "r-late"), "v2", AT.plusSeconds(60)); // still open: nothing changes
		rows.open("c-1", late("o-2", "r-late"), "v1", AT.plusSeconds(1));
		rows.open("c-1", late("o-1", "r-other"), "v1", AT.plusSeconds(2));
		rows.open("c-2", late("o-9", "r-late"), "v1", AT);

		assertThat(rows.find("c-1", false))
			.extracting(Detection::subject, Detection::rule, Detection::ruleVersion, Detection::detectedAt)
			.containsExactly(tuple("o-1", "r-late", "v1", AT), tuple("o-2", "r-late", "v1", AT.plusSeconds(1)),
					tuple("o-1", "r-other", "v1", AT.plusSeconds(2)));
		assertThat(rows.find("c-3", false)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aResolvedDetectionIsNotOpenAndOpensAgainAsItFirstBegan(Store store) {
		open(store);
		rows.open("c-1", late("o-1", "r-late"), "v1", AT);
		Detection first = rows.find("c-1", true).get(0);

		rows.resolve(first, AT.plusSeconds(10), "order.delivered");
		assertThat(rows.find("c-1", true)).isEmpty();
		assertThat(rows.find("c-1", false)).singleElement().satisfies(d -> {
			assertThat(d.resolvedAt()).isEqualTo(AT.plusSeconds(10));
			assertThat(d.resolvedReason()).isEqualTo("order.delivered");
		});

		rows.resolve(first, AT.plusSeconds(20), "again"); // resolved already: nothing changes
		assertThat(rows.find("c-1", false)).extracting(Detection::resolvedReason).containsExactly("order.delivered");

		rows.open("c-1", late("o-1", "r-late"), "v2", AT.plusSeconds(30));
		assertThat(rows.find("c-1", true)).singleElement().satisfies(d -> {
			assertThat(d.detectedAt()).isEqualTo(AT);
			assertThat(d.ruleVersion()).isEqualTo("v1");
			assertThat(d.resolvedAt()).isNull();
			assertThat(d.resolvedReason()).isNull();
			assertThat(d.explanation()).isEqualTo("Order(o-1) late");
		});
	}

	@ParameterizedTest
	@MethodSource("stores")
	void detectionsComeByTimeThenProblemSubjectAndRule(Store store) {
		open(store);
		rows.open("c-1", new Decided("payment_failed", "o-2", "r-b", "x"), "v1", AT);
		rows.open("c-1", new Decided("late_handoff", "o-2", "r-b", "x"), "v1", AT);
		rows.open("c-1", new Decided("late_handoff", "o-1", "r-b", "x"), "v1", AT);
		rows.open("c-1", new Decided("late_handoff", "o-1", "r-a", "x"), "v1", AT);
		rows.open("c-1", new Decided("churn_risk", null, "r-c", "x"), "v1", AT.minusSeconds(1));
		rows.open("c-1", new Decided("shipment_late", "o-9", "r-z", "x"), "v1", AT.minusSeconds(2));
		rows.open("c-1", new Decided("account_closed", null, "r-a", "x"), "v1", AT.plusSeconds(1));

		assertThat(rows.find("c-1", false)).extracting(Detection::problem, Detection::subject, Detection::rule)
			.containsExactly(tuple("shipment_late", "o-9", "r-z"), tuple("churn_risk", "", "r-c"),
					tuple("late_handoff", "o-1", "r-a"), tuple("late_handoff", "o-1", "r-b"),
					tuple("late_handoff", "o-2", "r-b"), tuple("payment_failed", "o-2", "r-b"),
					tuple("account_closed", "", "r-a"));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void countsPerProblemAndRuleOverEveryCustomer(Store store) {
		open(store);
		rows.open("c-1", late("o-1", "r-late"), "v1", AT);
		rows.open("c-2", late("o-2", "r-late"), "v1", AT);
		rows.open("c-2", late("o-3", "r-b"), "v1", AT);
		rows.open("c-3", new Decided("churn_risk", null, "r-churn", "x"), "v1", AT);
		rows.resolve(rows.find("c-1", true).get(0), AT.plusSeconds(1), "gone"); // resolved ones count too

		assertThat(rows.countByRule()).containsExactly(new DetectionCount("churn_risk", "r-churn", 1),
				new DetectionCount("late_handoff", "r-b", 1), new DetectionCount("late_handoff", "r-late", 2));

		rows.clear();
		assertThat(rows.countByRule()).isEmpty();
		assertThat(rows.find("c-2", false)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("stores")
	void textsAreCutAndTimesKeptAsTheColumnsKeepThem(Store store) {
		open(store);
		Instant withNanos = Instant.parse("2026-03-01T10:00:00.123456789Z");
		rows.open("c-1", new Decided("late_handoff", "o-1", "r-late", "e".repeat(20_000)), "v1", withNanos);
		rows.resolve(rows.find("c-1", true).get(0), Instant.parse("2026-03-01T11:00:00.000000499Z"),
				"r".repeat(900));

		assertThat(rows.find("c-1", false)).singleElement().satisfies(d -> {
			assertThat(d.detectedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123457Z"));
			assertThat(d.resolvedAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
			assertThat(d.explanation()).hasSize(DetectionStore.EXPLANATION_SIZE).endsWith("...");
			assertThat(d.resolvedReason()).hasSize(DetectionStore.REASON_SIZE).endsWith("...");
		});
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aTransactionsChangesAreSeenInsideItAndGoneWhenItRollsBack(Store store) {
		open(store);
		rows.open("c-1", late("o-1", "r-late"), "v1", AT);

		transaction.executeWithoutResult(tx -> {
			rows.resolve(rows.find("c-1", true).get(0), AT.plusSeconds(1), "gone");
			rows.open("c-1", late("o-2", "r-late"), "v1", AT.plusSeconds(1));
			assertThat(rows.find("c-1", true)).extracting(Detection::subject).containsExactly("o-2");
			assertThat(rows.countByRule()).containsExactly(new DetectionCount("late_handoff", "r-late", 2));
			tx.setRollbackOnly();
		});

		assertThat(rows.find("c-1", true)).extracting(Detection::subject).containsExactly("o-1");
		assertThat(rows.countByRule()).containsExactly(new DetectionCount("late_handoff", "r-late", 1));
	}

	@ParameterizedTest
	@MethodSource("stores")
	void aCommittedTransactionsChangesStay(Store store) {
		open(store);
		transaction.executeWithoutResult(tx -> {
			rows.open("c-1", late("o-1", "r-late"), "v1", AT);
			rows.open("c-1", late("o-2", "r-late"), "v1", AT);
			rows.resolve(rows.find("c-1", true).get(0), AT.plusSeconds(1), "gone");
		});

		assertThat(rows.find("c-1", true)).extracting(Detection::subject).containsExactly("o-2");
		assertThat(rows.find("c-1", false)).hasSize(2);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void whatTheColumnsCannotHoldIsRefusedAndNothingIsKept(Store store) {
		open(store);
		assertThatThrownBy(() -> rows.open("c-1", new Decided(null, "o-1", "r-late", "x"), "v1", AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rows.open("c-1", new Decided("p".repeat(101), "o-1", "r-late", "x"), "v1", AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rows.open("c-1", late("o".repeat(257), "r-late"), "v1", AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rows.open("c-1", late("o-1", "r".repeat(301)), "v1", AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rows.open("c-1", late("o-1", "r-late"), "v".repeat(65), AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rows.open("c".repeat(257), late("o-1", "r-late"), "v1", AT))
			.isInstanceOf(DataIntegrityViolationException.class);

		rows.open("c-1", new Decided("p".repeat(100), "o".repeat(200), "r".repeat(300), "x"), "v".repeat(64), AT);
		assertThat(rows.find("c-1", false)).hasSize(1);
		assertThat(rows.countByRule()).extracting(DetectionCount::detections).containsExactly(1L);
	}

	private static Decided late(String orderId, String rule) {
		return new Decided("late_handoff", orderId, rule, "Order(" + orderId + ") late");
	}
}
