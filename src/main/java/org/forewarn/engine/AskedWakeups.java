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
 * A wakeup asks the rules to look again when their answer may change with time ("a day and a half before the
 * promised date"). Once the rules no longer ask for it, the order delivered or its last scan moved, nothing changes
 * at that time, so the wakeup is withdrawn rather than left to fire and find nothing: most orders are delivered
 * long before their promised date. The wakeups asked for are kept with the customer's state, those not yet due.
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
		Set<AskedWakeup> asked = new LinkedHashSet<>();
		for (Wakeup wakeup : evaluation.decisions().wakeups()) {
			if (wakeup.at().isAfter(now) && !OutreachPlanner.onlyDispatches(wakeup)) {
				asked.add(new AskedWakeup(wakeup.at(), wakeup.orderId(), wakeup.label()));
			}
		}
		List<AskedWakeup> before = state.askedWakeups().stream().filter(w -> w.at().isAfter(now)).toList();
		if (!evaluation.decisions().failures().isEmpty()) {
			asked.addAll(before);
			state.askedWakeups(List.copyOf(asked));
			return List.of();
		}
		if (asked.isEmpty() && state.askedWakeups().isEmpty()) {
			return List.of();
		}
		state.askedWakeups(List.copyOf(asked));
		return before.stream()
			.filter(w -> !asked.contains(w))
			.map(w -> new Wakeup(state.customerId(), w.at(), w.orderId(), w.label()))
			.toList();
	}
}
