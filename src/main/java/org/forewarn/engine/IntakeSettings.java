package org.forewarn.engine;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of live event intake ({@code forewarn.intake.*}).
 *
 * @param maxClockSkew how far an event's {@code time} may be ahead of this server's clock before it is rejected
 * @param maxRequestSize largest {@code POST /api/events} body; a larger one is answered 413
 * @param maxBatch most events in one {@code POST /api/events} array; a longer one is answered 400
 */
@ConfigurationProperties("forewarn.intake")
record IntakeSettings(@DefaultValue("PT5M") Duration maxClockSkew, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue("1000") int maxBatch) {
}
