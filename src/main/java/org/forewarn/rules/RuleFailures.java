package org.forewarn.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every rule whose action threw, with how often, since this instance started: shown by {@code GET /api/rules} so a
 * rule that fails again and again stands out. Counted per rule name; a fixed and reloaded rule stops counting up.
 */
public final class RuleFailures {

	/**
	 * One failing rule.
	 *
	 * @param count how many firings failed
	 * @param lastEventId the event (or timer) of the last failure
	 * @param lastMessage what went wrong the last time
	 * @param ruleVersion the rule set version that failed the last time
	 */
	public record Failure(String rule, long count, String lastEventId, String lastMessage, String ruleVersion,
			Instant firstSeen, Instant lastSeen) {
	}

	private final ConcurrentHashMap<String, Failure> byRule = new ConcurrentHashMap<>();
	private final Clock clock;

	RuleFailures(Clock clock) {
		this.clock = clock;
	}

	void record(Evaluation evaluation) {
		Trigger trigger = evaluation.trigger();
		String event = trigger.eventId() != null ? trigger.eventId() : trigger.toString();
		for (Decisions.RuleFailure failure : evaluation.decisions().failures()) {
			Instant now = clock.instant();
			byRule.merge(failure.rule(),
					new Failure(failure.rule(), 1, event, failure.error(), evaluation.ruleVersion(), now, now),
					(was, next) -> new Failure(was.rule(), was.count() + 1, event, failure.error(),
							evaluation.ruleVersion(), was.firstSeen(), now));
		}
	}

	/** The failing rules, those failing most often first. */
	public List<Failure> list() {
		return byRule.values().stream()
			.sorted(Comparator.comparingLong(Failure::count).reversed().thenComparing(Failure::rule))
			.toList();
	}
}
