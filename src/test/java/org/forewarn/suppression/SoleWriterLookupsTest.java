package org.forewarn.suppression;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.forewarn.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that alone writes the suppression table (a replay) asks it only once it may hold an entry, and still finds
 * every entry: those there when first asked, those it put, and none of a put that rolled back. Others always ask.
 */
class SoleWriterLookupsTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

	private JdbcClient jdbc;
	private TransactionTemplate transaction;
	private AddressDigests digests;

	@BeforeEach
	void migratedH2() {
		DataSource dataSource = MigratedH2.dataSource();
		jdbc = JdbcClient.create(dataSource);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		digests = new AddressDigests(jdbc, Clock.systemUTC());
	}

	@Test
	void aSoleWriterFindsWhatItPutAndNothingOfAPutRolledBack() {
		SuppressionStore store = store(true);
		assertThat(store.find("email", "ana@shop.example")).isEmpty();

		transaction.executeWithoutResult(tx -> {
			store.put(entry("bob@shop.example"));
			tx.setRollbackOnly();
		});
		store.put(entry("ana@shop.example"));

		assertThat(store.find("email", "ana@shop.example")).map(Suppression::reason).contains("hard bounce");
		assertThat(store.find("email", "bob@shop.example")).isEmpty();
	}

	@Test
	void aSoleWriterFindsWhatTheTableHeldWhenFirstAsked() {
		otherWriterAdds("ana@shop.example");

		assertThat(store(true).find("email", "ana@shop.example")).isPresent();
	}

	@Test
	void anyOtherProcessAsksTheTableEveryTime() {
		SuppressionStore store = store(false);
		assertThat(store.find("email", "ana@shop.example")).isEmpty();

		otherWriterAdds("ana@shop.example");

		assertThat(store.find("email", "ana@shop.example")).isPresent();
	}

	private SuppressionStore store(boolean soleWriter) {
		return new SuppressionStore(jdbc, digests, new SuppressionSettings(DataSize.ofMegabytes(5), 100_000,
				soleWriter));
	}

	/** Another instance's insert, which this store does not see being made. */
	private void otherWriterAdds(String address) {
		store(false).put(entry(address));
	}

	private static Suppression entry(String address) {
		return new Suppression("email", address, "hard bounce", SuppressionSource.MANUAL, NOW, null, "lead");
	}
}
