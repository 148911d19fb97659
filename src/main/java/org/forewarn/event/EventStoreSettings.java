package org.forewarn.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where accepted events are kept ({@code forewarn.event-store.*}).
 *
 * @param inMemory whether this process, the only one writing to a database it throws away at its end (a replay),
 * keeps them in its memory rather than in the {@code event} table; the console, exports and retention do not see them
 */
@ConfigurationProperties("forewarn.event-store")
record EventStoreSettings(@DefaultValue("false") boolean inMemory) {
}
