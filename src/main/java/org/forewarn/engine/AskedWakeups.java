package org.forewarn.engine;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.forewarn.customer.AskedWakeup;
import org.forewarn.customer.CustomerState;
import org.forewarn.outreach.OutreachPlanner;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.Wakeup;

/**
 * A wakeup asked for with {@code decide.wakeAtWhileAsked} looks again at a moment the rules' answer may change ("a day
 * and a half before the promised date") only while they keep asking for it. Once they no longer ask for it, the
 * order delivered or its last scan moved, it is withdrawn rather than left to fire and find nothing: most orders are
 * delivered long before their promised date. Those asked for and not yet due are kept with the customer's state. A
 * plain {@code decide.wakeAt} (a rule that asks on one kind of event only) always fires.
 */
final class AskedWakeups {

	private AskedWakeups() {
	}

	/**
	 * Keeps in the state the wakeups this evaluation asked for, and answers those asked for before, not yet due, that
	 * it no longer asks for. When a rule failed, its wakeups were dropped with its other decisions: nothing is
	 * withdrawn then, and what was asked for before is kept.
	 */
	static List<Wakeup> update(CustomerState state, Evaluation evaluation) {
		Instant now = evaluation.trigger().time();
		Set<AskedWakeup> asked = future(evaluation.decisions().whileAsked(), now);
		if (asked.isEmpty() && state.askedWakeups().isEmpty()) {
			return List.of();
		}
		List<AskedWakeup> before = state.askedWakeups().stream().filter(w -> w.at().isAfter(now)).toList();
		if (!evaluation.decisions().failures().isEmpty()) {
			asked.addAll(before);
			state.askedWakeups(List.copyOf(asked));
			return List.of();
		}
		state.askedWakeups(List.copyOf(asked));
		Set<AskedWakeup> stillAsked = future(evaluation.decisions().wakeups(), now); // a plain wakeAt of it too
		return before.stream()
			.filter(w -> !stillAsked.contains(w))
			.map(w -> new Wakeup(state.customerId(), w.at(), w.orderId(), w.label()))
			.toList();
	}

	private static Set<AskedWakeup> future(List<Wakeup> wakeups, Instant now) {
		Set<AskedWakeup> future = new LinkedHashSet<>();
		for (Wakeup wakeup : wakeups) {
			if (wakeup.at().isAfter(now) && !OutreachPlanner.onlyDispatches(wakeup)) {
				future.add(new AskedWakeup(wakeup.at(), wakeup.orderId(), wakeup.label()));
			}
		}
		return future;
	}
}
