package org.forewarn.suppression;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the suppression list's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SuppressionSettings.class)
class SuppressionConfiguration {
}
