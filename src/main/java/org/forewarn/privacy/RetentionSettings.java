package org.forewarn.privacy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How long personal data is kept ({@code forewarn.retention.*}). Outreach records, their statuses, send attempts'
 * outcomes and codes, detections and event ids stay; only what names or describes a person goes.
 *
 * @param enabled false: nothing is pruned (erasure on request still works)
 * @param eventPayloads raw events keep their personal data this long after arrival; then only the envelope and
 * non-personal fields (codes, scores, times) stay. The rules work on the folded customer state, not on old payloads
 * @param messages rendered messages (recipient, subject, text, follow-up task text) are kept this long after their
 * outreach's last change, for questions and disputes about what was said
 * @param outreachDetails send attempts' provider details, rule explanations (the facts a rule matched) and the
 * notes and addresses in status reasons, this long after the outreach's last change
 * @param interval how often the pruning job runs (one instance at a time)
 * @param batchSize rows pruned per transaction
 */
@ConfigurationProperties("forewarn.retention")
record RetentionSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("P90D") @DurationUnit(ChronoUnit.DAYS) Duration eventPayloads,
		@DefaultValue("P180D") @DurationUnit(ChronoUnit.DAYS) Duration messages,
		@DefaultValue("P180D") @DurationUnit(ChronoUnit.DAYS) Duration outreachDetails,
		@DefaultValue("PT1H") Duration interval, @DefaultValue("500") int batchSize) {

	RetentionSettings {
		for (Duration period : new Duration[] { eventPayloads, messages, outreachDetails }) {
			if (period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("forewarn.retention: periods must be positive, got " + period);
			}
		}
		if (interval.toSeconds() < 1 || batchSize < 1) {
			throw new IllegalArgumentException("forewarn.retention: interval must be at least 1s and batch-size at "
					+ "least 1, got " + interval + " and " + batchSize);
		}
	}
}
