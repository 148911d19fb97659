package org.forewarn.engine;

import java.util.List;

import javax.sql.DataSource;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL a commit that returned is on disk even where the server's default is {@code synchronous_commit =
 * off} (as this embedded server's is): Forewarn's connections turn it on.
 */
class PostgresCommitTest {

	@Test
	void forewarnsConnectionsCommitSynchronouslyWhateverTheServerDefault() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			assertThat(JdbcClient.create(postgres.getPostgresDatabase()).sql("show synchronous_commit")
				.query(String.class).single()).as("the server's default").isEqualTo("off");
			try (ConfigurableApplicationContext forewarn = SpringApplication.run(ForewarnApplication.class,
					List.of("--spring.profiles.active=production", "--forewarn.kafka.enabled=false",
							"--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres", "--spring.datasource.password=",
							"--forewarn.rules=rules", "--forewarn.channels.templates=config/templates",
							Credentials.adminPasswordSetting())
						.toArray(String[]::new))) {
				JdbcClient db = JdbcClient.create(forewarn.getBean(DataSource.class));
				assertThat(db.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			}
		}
	}
}
