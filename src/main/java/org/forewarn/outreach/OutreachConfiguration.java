package org.forewarn.outreach;

import java.nio.file.Path;

import org.forewarn.channel.ChannelSettings;
import org.forewarn.rules.RuleContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the guardrail, delivery, link and timing settings; says what rules are checked against. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GuardrailSettings.class, DeliverySettings.class, LinkSettings.class,
		OutreachSettings.class })
class OutreachConfiguration {

	/** Channels, templates and the open-ticket list, for checking rules at start and on every reload. */
	@Bean
	RuleContext ruleContext(ChannelSettings channels, GuardrailSettings guardrails) {
		return RuleVocabulary.of(channels, guardrails, Path.of("config/application.yml"));
	}
}
