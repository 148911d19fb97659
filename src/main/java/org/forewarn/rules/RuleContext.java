package org.forewarn.rules;

import java.util.List;
import java.util.Set;

/**
 * What the rules are checked against beyond the compiler: the channels that exist, the message templates, and the
 * problem codes the settings hold back while a ticket is open. The channel and outreach side provides it; the rules
 * only read it.
 *
 * @param channels channel names a rule may use
 * @param templates what is wrong with a template for a channel (missing file, unknown placeholder); empty when fine
 * @param heldBack problem codes {@code forewarn.guardrails.open-ticket.problems} lists
 * @param heldBackAt where that list is set, for messages ({@code config/application.yml}, its line)
 * @param fallbacks what outreach falling back to another channel would lack there
 */
public record RuleContext(Set<String> channels, Templates templates, List<String> heldBack, RuleError heldBackAt,
		Fallbacks fallbacks) {

	/** Only what the rule files say themselves: durations; no channels, templates or settings to check against. */
	public static final RuleContext FILES_ONLY = new RuleContext(Set.of(), null, List.of(), null, null);

	/** The templates folder, as the channels read it. */
	@FunctionalInterface
	public interface Templates {

		/** Each problem of {@code template} for {@code channel} as one sentence; empty when it renders. */
		List<String> problems(String template, String channel);
	}

	/** The fallback channels of outreach and what each would send. */
	@FunctionalInterface
	public interface Fallbacks {

		/**
		 * For outreach with {@code template} on {@code channel}: a sentence on the first channel of its fallback chain
		 * where no template would render; empty when each would. {@code ruleChain}: the channels the rule's
		 * {@code .fallback(...)} names (empty after {@code .noFallback()}), null when it names none (the configured
		 * chain then).
		 */
		List<String> problems(String template, String channel, List<String> ruleChain);
	}

	boolean knowsChannels() {
		return !channels.isEmpty();
	}
}
