package org.forewarn.outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One rule and problem's outreach, summed up for its lift: how many were contacted and held out, the first decision,
 * and, per group, how many exposures each outcome followed and the feedback scores given after them.
 */
final class Tally {

	final String rule;
	final String problem;
	long contacted;
	long heldOut;
	Instant first;
	final Map<OutcomeKind, Long> contactedWith = new EnumMap<>(OutcomeKind.class);
	final Map<OutcomeKind, Long> heldOutWith = new EnumMap<>(OutcomeKind.class);
	final List<Double> csat5Contacted = new ArrayList<>();
	final List<Double> csat5HeldOut = new ArrayList<>();
	final List<Double> nps10Contacted = new ArrayList<>();
	final List<Double> nps10HeldOut = new ArrayList<>();

	Tally(String rule, String problem) {
		this.rule = rule;
		this.problem = problem;
	}

	/** The key lifts are ordered by: rule, then problem. */
	static String key(String rule, String problem) {
		return rule + "\n" + problem;
	}

	/** Counts {@code n} exposures of one group, the first of them decided at {@code first}. */
	void count(boolean heldOut, long n, Instant first) {
		if (heldOut) {
			this.heldOut += n;
		}
		else {
			contacted += n;
		}
		if (this.first == null || first.isBefore(this.first)) {
			this.first = first;
		}
	}

	/** What followed one exposure already counted. */
	void follow(boolean heldOut, Attribution.Followed followed) {
		Map<OutcomeKind, Long> with = heldOut ? heldOutWith : contactedWith;
		followed.outcomes().forEach(kind -> with.merge(kind, 1L, Long::sum));
		(heldOut ? csat5HeldOut : csat5Contacted).addAll(followed.csat5());
		(heldOut ? nps10HeldOut : nps10Contacted).addAll(followed.nps10());
	}
}
