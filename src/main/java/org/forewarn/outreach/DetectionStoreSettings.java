package org.forewarn.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where detections are kept ({@code forewarn.detection-store.*}).
 *
 * @param inMemory whether this process, the only one writing to a database it throws away at its end (a replay),
 * keeps them in its memory rather than in the {@code detection} table; the console, exports and retention do not
 * see them
 */
@ConfigurationProperties("forewarn.detection-store")
record DetectionStoreSettings(@DefaultValue("false") boolean inMemory) {
}
