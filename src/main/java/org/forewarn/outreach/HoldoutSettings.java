package org.forewarn.outreach;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holdout groups ({@code forewarn.holdout.*}): a share of customers whose outreach is decided and checked as usual
 * but not sent, to measure what the outreach changes.
 *
 * @param percent share of customers held out, 0 to 100; 0: nobody
 * @param salt names the experiment: another salt picks other customers
 * @param key key of the HMAC-SHA256 that places customers; required when anything is held out, the same everywhere
 *        (every instance and every replay), or customers change groups
 * @param tasks whether follow-up tasks for people are held out too
 * @param problems share per problem code, instead of {@code percent} (0: never held out)
 * @param rules share per rule name, instead of the problem's or {@code percent}
 */
@ConfigurationProperties("forewarn.holdout")
record HoldoutSettings(@DefaultValue("0") double percent, @DefaultValue("holdout-1") String salt,
		@DefaultValue("") String key, @DefaultValue("false") boolean tasks, Map<String, Double> problems,
		Map<String, Double> rules) {

	HoldoutSettings {
		problems = problems == null ? Map.of() : Map.copyOf(problems);
		rules = rules == null ? Map.of() : Map.copyOf(rules);
		check("forewarn.holdout.percent", percent);
		problems.forEach((problem, share) -> check("forewarn.holdout.problems." + problem, share));
		rules.forEach((rule, share) -> check("forewarn.holdout.rules[" + rule + "]", share));
		boolean used = percent > 0 || problems.values().stream().anyMatch(s -> s > 0)
				|| rules.values().stream().anyMatch(s -> s > 0);
		if (used && (key == null || key.isBlank())) {
			throw new IllegalArgumentException("forewarn.holdout.key is empty, but customers are to be held out "
					+ "(forewarn.holdout.percent " + percent + ", problems " + problems + ", rules " + rules
					+ "): set it to a long random text, the same on every instance and in every replay");
		}
	}

	private static void check(String setting, Double share) {
		if (share == null || share.isNaN() || share < 0 || share > 100) {
			throw new IllegalArgumentException(setting + ": " + share + " is not a share between 0 and 100 (percent)");
		}
	}
}
