package org.forewarn.outreach;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.forewarn.BothDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The places outreach records are kept, for tests that hold for each: {@code h2} and {@code postgresql} (the
 * tables) and {@code memory} (a replay's, copied to H2 when asked).
 */
final class OutreachPlaces {

	private OutreachPlaces() {
	}

	/** A fresh database for the place: H2 for memory, where its copies go. */
	static DataSource database(BothDatabases databases, String place) {
		return databases.fresh(place.equals("memory") ? "h2" : place);
	}

	static OutreachRows rows(String place, DataSource dataSource) {
		return switch (place) {
			case "memory" -> new MemoryOutreachRows(new OutreachTableCopy(new JdbcTemplate(dataSource),
					new DataSourceTransactionManager(dataSource)));
			case "h2", "postgresql" -> new TableOutreachRows(JdbcClient.create(dataSource),
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)), place.equals("postgresql"));
			default -> throw new IllegalArgumentException("no such place: " + place);
		};
	}

	static OutreachStore store(OutreachRows rows) {
		return store(rows, new SimpleMeterRegistry());
	}

	static OutreachStore store(OutreachRows rows, MeterRegistry meters) {
		return new OutreachStore(rows, meters);
	}
}
