package org.forewarn.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Contacted against held out, per rule and problem: each outcome's rate in both groups and the 95 % interval of the
 * difference (contacted minus held out). Below the minimum count in either group the figures say "not enough data
 * yet", with how long the current volume takes to reach it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lift(String rule, String problem, long contacted, long heldOut, boolean enoughData, String note,
		Double daysToEnoughData, List<Rate> outcomes, Average csat5, Average nps10) {

	/** One outcome: the share of each group it followed, the difference and its interval, and what that shows. */
	public record Rate(String outcome, long contactedWith, long heldOutWith, double contactedRate, double heldOutRate,
			double difference, double low, double high, String verdict) {
	}

	/** Mean feedback score given after outreach in each group, with how many scores. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Average(Double contacted, long contactedScores, Double heldOut, long heldOutScores) {
	}

	/** One lift per rule and problem among these exposures, with what followed each. */
	static List<Lift> of(Map<Exposure, Attribution.Followed> followed, int minPerGroup, Instant until) {
		Map<String, Tally> tallies = new TreeMap<>();
		followed.forEach((e, f) -> {
			Tally tally = tallies.computeIfAbsent(Tally.key(e.rule(), e.problem()), k -> new Tally(e.rule(), e.problem()));
			tally.count(e.heldOut(), 1, e.decidedAt());
			tally.follow(e.heldOut(), f);
		});
		return of(tallies.values(), minPerGroup, until);
	}

	/** One lift per tally, in the order given. */
	static List<Lift> of(Collection<Tally> tallies, int minPerGroup, Instant until) {
		List<Lift> lifts = new ArrayList<>();
		tallies.forEach(t -> lifts.add(one(t, minPerGroup, until)));
		return lifts;
	}

	private static Lift one(Tally t, int minPerGroup, Instant until) {
		long contacted = t.contacted;
		long heldOut = t.heldOut;
		List<Rate> rates = new ArrayList<>();
		boolean enough = contacted >= minPerGroup && heldOut >= minPerGroup;
		for (OutcomeKind kind : OutcomeKind.values()) {
			long c = t.contactedWith.getOrDefault(kind, 0L);
			long h = t.heldOutWith.getOrDefault(kind, 0L);
			if (contacted == 0 || heldOut == 0) {
				continue;
			}
			RateDifference d = RateDifference.of(c, contacted, h, heldOut);
			String verdict = !enough ? "not enough data yet"
					: d.high() < 0 ? "lower after outreach" : d.low() > 0 ? "higher after outreach"
							: "no difference shown";
			rates.add(new Rate(kind.label(), c, h, d.rate1(), d.rate2(), d.difference(), d.low(), d.high(), verdict));
		}
		String note = enough ? null
				: heldOut == 0 ? "not enough data yet: nobody was held out of this rule's outreach"
						: contacted == 0 ? "not enough data yet: everybody was held out of this rule's outreach"
								: "not enough data yet: fewer than " + minPerGroup + " customers in a group";
		// a group nobody joins never fills up, however long one waits
		Double days = enough || heldOut == 0 || contacted == 0 ? null
				: daysToEnough(t.first, contacted, heldOut, minPerGroup, until);
		return new Lift(t.rule, t.problem, contacted, heldOut, enough, note, days, rates,
				average(t.csat5Contacted, t.csat5HeldOut), average(t.nps10Contacted, t.nps10HeldOut));
	}

	/** At the volume seen so far (each group's count over the time since the first decision), days to the minimum. */
	private static Double daysToEnough(Instant first, long contacted, long heldOut, int minPerGroup, Instant until) {
		double days = Math.max(Duration.between(first, until).toMinutes() / 1440.0, 1);
		double needed = 0;
		for (long n : new long[] { contacted, heldOut }) {
			if (n < minPerGroup) {
				needed = Math.max(needed, (minPerGroup - n) / (n / days));
			}
		}
		return Math.round(needed * 10) / 10.0;
	}

	private static Average average(List<Double> contacted, List<Double> heldOut) {
		if (contacted.isEmpty() && heldOut.isEmpty()) {
			return null;
		}
		return new Average(mean(contacted), contacted.size(), mean(heldOut), heldOut.size());
	}

	private static Double mean(List<Double> scores) {
		return scores.isEmpty() ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
	}
}
