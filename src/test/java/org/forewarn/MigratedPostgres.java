package org.forewarn;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A fresh database on an embedded PostgreSQL with Forewarn's real Flyway migrations, as {@link MigratedH2}. */
public final class MigratedPostgres {

	private MigratedPostgres() {
	}

	public static DataSource dataSource(EmbeddedPostgres server) {
		String name = "test_" + UUID.randomUUID().toString().replace("-", "");
		JdbcClient.create(server.getPostgresDatabase()).sql("create database " + name).update();
		DataSource dataSource = server.getDatabase("postgres", name);
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
		return dataSource;
	}
}
