package org.forewarn.outreach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import org.forewarn.channel.TemplateCheck;
import org.forewarn.shared.Suggestions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery ({@code forewarn.delivery.*}): retries after transient failures and the channel to fall back to.
 *
 * @param retry retries with exponential backoff and jitter
 * @param fallback the next channel after each channel fails for good
 * @param fallbackTemplate template for a fallback channel the original template has no variant for
 */
@ConfigurationProperties("forewarn.delivery")
public record DeliverySettings(@DefaultValue Retry retry, @DefaultValue Fallback fallback,
		@DefaultValue("undeliverable") String fallbackTemplate) {

	/**
	 * The template a fallback to {@code channel} uses: the one it falls back from when that has a text for the
	 * channel ({@code hasText}), else {@link #fallbackTemplate}.
	 */
	String templateFor(String template, String channel, BiPredicate<String, String> hasText) {
		return hasText.test(template, channel) ? template : fallbackTemplate;
	}

	/**
	 * @param maxAttempts attempts in all, the first included, before a transient failure counts as final
	 * @param firstDelay wait before the first retry
	 * @param multiplier each further wait is this many times longer
	 * @param maxDelay waits never grow beyond this
	 * @param jitter each wait varies randomly by up to this fraction, so retries do not arrive in bursts
	 */
	public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("PT1M") Duration firstDelay,
			@DefaultValue("2.0") double multiplier, @DefaultValue("PT1H") Duration maxDelay,
			@DefaultValue("0.2") double jitter) {
	}

	/**
	 * @param sms after SMS fails for good; empty: none
	 * @param email after email fails for good; empty: none
	 * @param task after a task fails; empty: none
	 */
	public record Fallback(@DefaultValue("email") String sms, @DefaultValue("task") String email,
			@DefaultValue("") String task) {

		public Fallback {
			Map<String, String> chain = chain(sms, email, task);
			chain.forEach((from, to) -> {
				if (to != null && !to.isBlank() && !TemplateCheck.CHANNELS.contains(to.strip())) {
					throw new IllegalArgumentException("forewarn.delivery.fallback." + from + ": '" + to
							+ "' is not a channel" + Suggestions.didYouMean(to.strip(), TemplateCheck.CHANNELS) + "; use "
							+ Suggestions.oneOf(List.copyOf(new TreeSet<>(TemplateCheck.CHANNELS)))
							+ ", or leave it empty for none");
				}
			});
			// a loop would make a record on each channel in turn for ever while they keep failing or refusing (a
			// channel naming itself only ends the chain: a fallback never goes back to the channel it leaves)
			for (String from : chain.keySet()) {
				List<String> path = walk(chain, from);
				if (!path.isEmpty() && from.equals(next(chain, path.get(path.size() - 1)))) {
					throw new IllegalArgumentException("forewarn.delivery.fallback: " + from + " -> "
							+ String.join(" -> ", path) + " -> " + from
							+ " goes round in a loop; end the chain with an empty entry, as fallback.task is by default");
				}
			}
		}

		/** The channels outreach on {@code channel} falls back to one after the other, until the chain ends. */
		List<String> chainFrom(String channel) {
			return walk(chain(sms, email, task), channel);
		}

		String after(String channel) {
			return next(chain(sms, email, task), channel);
		}

		private static Map<String, String> chain(String sms, String email, String task) {
			Map<String, String> chain = new LinkedHashMap<>();
			chain.put("sms", sms);
			chain.put("email", email);
			chain.put("task", task);
			return chain;
		}

		/** The channel after {@code channel}; null when the chain ends there. */
		private static String next(Map<String, String> chain, String channel) {
			String next = chain.get(channel);
			return next == null || next.isBlank() ? null : next.strip();
		}

		/** The channels after {@code from}, until none, {@code from} again or one already passed. */
		private static List<String> walk(Map<String, String> chain, String from) {
			List<String> path = new ArrayList<>();
			for (String next = next(chain, from); next != null && !next.equals(from) && !path.contains(next);
					next = next(chain, next)) {
				path.add(next);
			}
			return path;
		}
	}
}
