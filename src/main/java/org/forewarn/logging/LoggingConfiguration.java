package org.forewarn.logging;

import java.time.Clock;

import org.forewarn.shared.StoredSecret;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Installs the key of customer references in logs, and makes sure the masking filter is in place. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoggingConfiguration.LogSettings.class)
class LoggingConfiguration {

	/** The row in app_secret holding the generated key. */
	private static final String KEY_NAME = "log-customer-ref";

	@Bean
	InitializingBean logCustomerReferenceKey(LogSettings settings, JdbcClient jdbc, Clock clock) {
		return () -> {
			LogMaskingInstaller.install();
			LogContext.useKey(settings.customerRefKey().isEmpty() ? StoredSecret.named(KEY_NAME, jdbc, clock)
					: settings.customerRefKey());
		};
	}

	/**
	 * @param customerRefKey key of the HMAC that turns customer ids into the {@code customerRef} of log lines;
	 *     empty: one generated once and kept in the database all instances share
	 */
	@ConfigurationProperties("forewarn.logging")
	record LogSettings(@DefaultValue("") String customerRefKey) {
	}
}
