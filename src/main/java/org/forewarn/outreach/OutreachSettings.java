package org.forewarn.outreach;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Outreach timing ({@code forewarn.outreach.*}).
 *
 * @param maxTriggerAge outreach decided from an event older than this when it is processed (a backfill, a consumer
 *        catching up after an outage) is not sent but ends EXPIRED; a rule can set its own with
 *        {@code .maxTriggerAge("PT12H")}
 * @param deadlineGrace a send whose timer fires this little after its {@code notLaterThan} (timers fire a moment
 *        after their time; a busy lane adds a little) still goes out; any later, it ends EXPIRED
 */
@ConfigurationProperties("forewarn.outreach")
record OutreachSettings(@DefaultValue("PT48H") @DurationUnit(ChronoUnit.HOURS) Duration maxTriggerAge,
		@DefaultValue("PT1M") Duration deadlineGrace) {
}
