package org.forewarn.outreach;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the deciding rule wants an outreach sent: a deadline it is worth less after, the channels to fall back to
 * ({@code fallback} null: the configured chain, and only when delivery fails), whether a capped send waits for the
 * next day, its follow-up step, and the share of customers held out of it ({@code holdoutPercent}, fixed when it
 * is decided; null on records decided before holdout groups existed), and the rule's own hourly ceiling
 * ({@code hourlyCeiling}, null: {@code forewarn.brake.hourly-ceiling}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendPolicy(Instant notLaterThan, String fallback, boolean deferWhenCapped, int step,
		Double holdoutPercent, Integer hourlyCeiling) {

	static final SendPolicy DEFAULT = new SendPolicy(null, null, false, 1, null, null);

	/** Without a ceiling of the rule's own (fallbacks: the record they stand in for was counted already). */
	SendPolicy(Instant notLaterThan, String fallback, boolean deferWhenCapped, int step, Double holdoutPercent) {
		this(notLaterThan, fallback, deferWhenCapped, step, holdoutPercent, null);
	}

	/** The rule's own fallback channels, or null when it named none. */
	@JsonIgnore
	List<String> ruleFallback() {
		return fallback == null ? null
				: fallback.isBlank() ? List.of() : Arrays.asList(fallback.split(","));
	}

	SendPolicy withHoldoutPercent(double percent) {
		return new SendPolicy(notLaterThan, fallback, deferWhenCapped, step, percent, hourlyCeiling);
	}

	static String join(List<String> channels) {
		return channels == null ? null : String.join(",", channels);
	}
}
