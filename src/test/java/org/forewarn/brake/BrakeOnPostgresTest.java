package org.forewarn.brake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApplication;
import org.forewarn.outreach.OverdueWork;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The brake's SQL on PostgreSQL, where production runs: two Forewarn instances on one database respect one ceiling
 * together (the count and the admission under the rule's row lock), both see a pause, and the sweep's pause filter
 * runs there.
 */
class BrakeOnPostgresTest {

	@Test
	void twoInstancesShareOneCeilingAndThePauses() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				ConfigurableApplicationContext first = start(postgres, "brake-one");
				ConfigurableApplicationContext second = start(postgres, "brake-two")) {
			List<HourlyCeiling> instances = List.of(first.getBean(HourlyCeiling.class),
					second.getBean(HourlyCeiling.class));
			ExecutorService callers = Executors.newFixedThreadPool(8);
			try {
				List<Future<Boolean>> answers = new ArrayList<>();
				for (int i = 0; i < 120; i++) {
					HourlyCeiling instance = instances.get(i % 2);
					String id = "pg-" + i;
					answers.add(callers.submit(() -> instance.admit("storm rule", 30, id)));
				}
				int admitted = 0;
				for (Future<Boolean> answer : answers) {
					admitted += answer.get() ? 1 : 0;
				}
				assertThat(admitted).isEqualTo(30);
			}
			finally {
				callers.shutdownNow();
			}

			Pauses one = first.getBean(Pauses.class);
			assertThat(one.pause(PauseScope.CHANNEL, "sms", "carrier outage", "lea")).isPresent();
			assertThat(second.getBean(Pauses.class).holding("any rule", "any.problem", "sms"))
				.as("read from the shared database (refresh PT0S)").isPresent();
			assertThat(first.getBean(OverdueWork.class).wakeups(Instant.now(), 10)).isEmpty();
			assertThat(one.resume(PauseScope.CHANNEL, "sms", null, "lea")).isTrue();
			assertThat(second.getBean(Pauses.class).holding("any rule", "any.problem", "sms")).isEmpty();
			assertThat(one.recentAudit(10)).extracting(AuditEntry::action).containsExactly("resume", "pause");
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String instance) {
		return SpringApplication.run(ForewarnApplication.class, List.of("--spring.profiles.active=production",
				"--forewarn.kafka.enabled=false", "--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--forewarn.rules=rules", "--forewarn.channels.templates=config/templates",
				"--forewarn.rules-watch.enabled=false", "--forewarn.brake.refresh=PT0S",
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=" + instance, "--spring.main.banner-mode=off",
				Credentials.adminPasswordSetting()).toArray(String[]::new));
	}
}
