package org.forewarn.outcome;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Outcome figures ({@code forewarn.outcomes.*}): what happened to customers after outreach, against the holdout group.
 *
 * @param window an outcome counts for the first outreach (or held-out decision) at most this long before it
 * @param complaint feedback at or below these scores is a complaint
 * @param minPerGroup below this many customers in either group a rule's figures say "not enough data yet"
 */
@ConfigurationProperties("forewarn.outcomes")
public record OutcomeSettings(@DefaultValue("P30D") @DurationUnit(ChronoUnit.DAYS) Duration window,
		@DefaultValue Complaint complaint,
		@DefaultValue("100") int minPerGroup) {

	/**
	 * @param csat5 highest score on the 1-5 satisfaction scale that counts as a complaint
	 * @param nps10 highest score on the 0-10 recommendation scale that counts as a complaint
	 */
	public record Complaint(@DefaultValue("2") double csat5, @DefaultValue("6") double nps10) {
	}

	public OutcomeSettings {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("forewarn.outcomes.window: " + window + " must be positive, e.g. P30D");
		}
		if (minPerGroup < 1) {
			throw new IllegalArgumentException("forewarn.outcomes.min-per-group: " + minPerGroup + " must be 1 or more");
		}
	}
}
