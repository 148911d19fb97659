package org.forewarn.privacy;

import java.util.List;

import org.forewarn.TestServer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Forewarn on the production profile against an embedded PostgreSQL, with HTTP intake instead of Kafka. */
final class PostgresForewarn extends TestServer {

	private PostgresForewarn(ConfigurableApplicationContext context) {
		super(context);
	}

	static PostgresForewarn start(EmbeddedPostgres postgres, String... settings) {
		return new PostgresForewarn(run(List.of(settings), List.of("--spring.profiles.active=production",
				"--forewarn.kafka.enabled=false", "--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--forewarn.rules=rules", "--forewarn.channels.templates=config/templates",
				"--forewarn.guardrails.quiet-hours.enabled=false",
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=privacy-postgres",
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000")));
	}
}
