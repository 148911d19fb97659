package org.forewarn.brake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code forewarn.brake.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrakeSettings.class)
class BrakeConfiguration {
}
