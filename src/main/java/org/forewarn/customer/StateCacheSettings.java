package org.forewarn.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer states kept in memory between events ({@code forewarn.state-cache.*}).
 *
 * @param customers how many customers' states are kept at most (the least recently used go first); 0 keeps none
 * @param soleWriter whether this process is the only one that writes customer states (a replay, on a database of its
 * own): then a kept state is used as it is, without locking its row to check that no one else changed it
 * @param inMemory whether the sole writer keeps the stored states in its memory rather than in the table (a replay,
 * whose database is thrown away at its end): implies {@code soleWriter}; the console and exports do not see them
 */
@ConfigurationProperties("forewarn.state-cache")
record StateCacheSettings(@DefaultValue("20000") int customers, @DefaultValue("false") boolean soleWriter,
		@DefaultValue("false") boolean inMemory) {
}
