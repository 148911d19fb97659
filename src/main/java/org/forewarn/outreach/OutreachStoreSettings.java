package org.forewarn.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where outreach records are kept ({@code forewarn.outreach-store.*}).
 *
 * @param inMemory whether this process, the only one writing to a database it throws away at its end (a replay),
 * keeps them, their history and attempts, and the messages sent for them, in its memory rather than in the tables; the
 * tables get a copy of the records only when something reading them asks (the outcome report), so the console,
 * exports and retention do not see them
 */
@ConfigurationProperties("forewarn.outreach-store")
record OutreachStoreSettings(@DefaultValue("false") boolean inMemory) {
}
