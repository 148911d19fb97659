package org.forewarn.outreach;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a person has to handle a follow-up task once it opens ({@code forewarn.followups.due.*}), unless its rule
 * says {@code .dueWithin(...)}: {@code forewarn.followups.due[<problem>]} (brackets keep the dots of a problem
 * code: {@code "[churn.risk]": PT4H} in YAML), else {@code forewarn.followups.due.default} (24 hours). An unclaimed
 * task past its due time is escalated.
 *
 * @param due time to handle a task per problem code, and {@code default} for every other problem
 */
@ConfigurationProperties("forewarn.followups")
record FollowupDue(Map<String, Duration> due) {

	static final Duration DEFAULT = Duration.ofHours(24);

	FollowupDue {
		due = due == null ? Map.of() : Map.copyOf(due);
		due.forEach((problem, within) -> {
			if (within == null || within.isNegative() || within.isZero()) {
				throw new IllegalArgumentException("forewarn.followups.due." + problem + ": " + within
						+ " is not a positive duration such as PT4H");
			}
		});
	}

	Duration within(String problem) {
		return due.getOrDefault(problem, due.getOrDefault("default", DEFAULT));
	}
}
