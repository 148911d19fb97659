package org.forewarn.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import javax.sql.DataSource;

import org.forewarn.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The digest key is stored when Forewarn starts, so no transaction that later rolls back can take it along. */
class AddressDigestsTest {

	private JdbcClient jdbc;
	private TransactionTemplate transaction;

	@BeforeEach
	void migratedH2() {
		DataSource ds = MigratedH2.dataSource();
		jdbc = JdbcClient.create(ds);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
	}

	@Test
	void theKeyIsStoredWhenCreated() {
		new AddressDigests(jdbc, Clock.systemUTC());

		assertThat(jdbc.sql("select count(*) from app_secret where name = 'suppression-digest'").query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDigestTakenInARolledBackTransactionStillMatchesAfterARestart() {
		AddressDigests running = new AddressDigests(jdbc, Clock.systemUTC());
		String inRolledBack = transaction.execute(status -> {
			status.setRollbackOnly();
			return running.of("ana@shop.example");
		});

		AddressDigests restarted = new AddressDigests(jdbc, Clock.systemUTC());

		assertThat(restarted.of("ana@shop.example")).isEqualTo(inRolledBack).startsWith("digest:");
		assertThat(restarted.of("bob@shop.example")).isNotEqualTo(inRolledBack);
	}
}
