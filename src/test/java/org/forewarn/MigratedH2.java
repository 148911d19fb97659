package org.forewarn;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 with Forewarn's real Flyway migrations, for tests of one store without the application. */
public final class MigratedH2 {

	private MigratedH2() {
	}

	public static DataSource dataSource() {
		JdbcDataSource dataSource = new JdbcDataSource();
		// DB_CLOSE_DELAY=-1: keep the in-memory database between the separate connections a JdbcClient opens
		dataSource.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return dataSource;
	}
}
