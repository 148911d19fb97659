package org.forewarn.health;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code database} indicator of the readiness group, checked on a schedule. Spring Boot's own {@code db}
 * indicator queries on every probe; this one is what readiness reads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthSettings.class)
class HealthConfiguration {

	@Bean(destroyMethod = "close")
	ScheduledHealth databaseHealthIndicator(DataSource dataSource, HealthSettings settings) {
		return ScheduledHealth.every("database", settings.interval(),
				() -> DatabaseHealth.check(dataSource, settings.databaseTimeout()));
	}
}
