package org.forewarn.outreach;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the holdout settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HoldoutSettings.class)
class HoldoutConfiguration {
}
