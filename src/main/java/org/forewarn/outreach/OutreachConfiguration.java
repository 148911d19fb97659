package org.forewarn.outreach;

import java.nio.file.Path;

import org.forewarn.channel.ChannelSettings;
import org.forewarn.rules.RuleContext;
import org.forewarn.shared.DatabaseKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Binds the guardrail, delivery, link and timing settings; says what rules are checked against. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GuardrailSettings.class, DeliverySettings.class, LinkSettings.class,
		OutreachSettings.class, OutreachStoreSettings.class })
class OutreachConfiguration {

	/** The outreach records: in the tables, or in memory for a replay. */
	@Bean
	OutreachRows outreachRows(OutreachStoreSettings settings, JdbcClient jdbc, JdbcTemplate batches,
			TransactionTemplate transaction, DatabaseKind database) {
		return settings.inMemory()
				? new MemoryOutreachRows(new OutreachTableCopy(batches, transaction.getTransactionManager()))
				: new TableOutreachRows(jdbc, transaction, database.postgres());
	}

	/** Channels, templates and the open-ticket list, for checking rules at start and on every reload. */
	@Bean
	RuleContext ruleContext(ChannelSettings channels, GuardrailSettings guardrails, DeliverySettings delivery) {
		return RuleVocabulary.of(channels, guardrails, delivery, Path.of("config/application.yml"));
	}
}
