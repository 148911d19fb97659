package org.forewarn.customer;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.customer.StateRowStoreContractTest.Store;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A lane's lock on a state row in the table keeps another transaction out until the lane's commit. */
class StateRowLockTest {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	static Stream<Named<Store>> tables() {
		return StateRowStoreContractTest.tables();
	}

	@ParameterizedTest
	@MethodSource("tables")
	void aLockedRowWaitsForTheTransactionHoldingIt(Store store) throws Exception {
		DataSource dataSource = databases.fresh(store.vendor());
		StateRowStore rows = store.make().apply(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		rows.insert("c-1", "{}", null, AT, 1);
		CompletableFuture<Void> locked = new CompletableFuture<>();
		// completes with the time just before the holder commits, or with what went wrong in it
		CompletableFuture<Long> committing = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
			assertThat(rows.lockRevision("c-1")).contains(1L);
			locked.complete(null);
			pause(300);
			rows.update("c-1", "{\"a\":1}", null, AT, 2);
			return System.nanoTime();
		}));
		CompletableFuture.anyOf(locked, committing).get(10, TimeUnit.SECONDS); // the holder's error, if it failed first

		long lockedAt = transaction.execute(tx -> {
			assertThat(rows.lockRevision("c-1")).contains(2L); // the holder's commit, not the row it found
			return System.nanoTime();
		});

		assertThat(lockedAt).isGreaterThan(committing.get(10, TimeUnit.SECONDS));
		assertThat(rows.state("c-1")).isEqualTo("{\"a\":1}");
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
