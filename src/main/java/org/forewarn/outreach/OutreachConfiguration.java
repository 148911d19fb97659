package org.forewarn.outreach;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the guardrail, delivery, link and timing settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GuardrailSettings.class, DeliverySettings.class, LinkSettings.class,
		OutreachSettings.class })
class OutreachConfiguration {
}
