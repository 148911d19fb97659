package org.forewarn.bounce;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the bounce settings; the mailbox reader starts only when its host is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BounceSettings.class)
class BounceConfiguration {
}
