package org.forewarn.outreach;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the guardrail, delivery and link settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GuardrailSettings.class, DeliverySettings.class, LinkSettings.class })
class OutreachConfiguration {
}
