package org.forewarn.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer states kept in memory between events ({@code forewarn.state-cache.*}).
 *
 * @param customers how many customers' states are kept at most (the least recently used go first); 0 keeps none
 */
@ConfigurationProperties("forewarn.state-cache")
record StateCacheSettings(@DefaultValue("20000") int customers) {
}
