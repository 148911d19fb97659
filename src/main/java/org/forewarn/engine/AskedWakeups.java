package org.forewarn.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * plain {@code decide.wakeAt} (a rule that asks on one kind of event only) always fires: the same wakeup asked for
 * that way too, now or before, is kept until it is due.
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
		Map<String, AskedWakeup> asked = asked(evaluation, now);
		if (asked.isEmpty() && state.askedWakeups().isEmpty()) {
			return List.of();
		}
		boolean failed = !evaluation.decisions().failures().isEmpty();
		List<Wakeup> withdrawn = new ArrayList<>();
		for (AskedWakeup before : state.askedWakeups()) {
			if (!before.at().isAfter(now)) {
				continue; // due: fired or firing
			}
			Wakeup wakeup = new Wakeup(state.customerId(), before.at(), before.orderId(), before.label());
			AskedWakeup again = asked.get(wakeup.key());
			if (again == null && !before.plain() && !failed) {
				withdrawn.add(wakeup);
			}
			else if (again == null || before.plain() && !again.plain()) {
				asked.put(wakeup.key(), before); // still wanted; once asked for plainly, always
			}
		}
		state.askedWakeups(asked.values());
		return withdrawn;
	}

	/**
	 * What this evaluation asked for, not yet due, by key; plain when any rule asked for it with {@code wakeAt}. Those
	 * asked for while asked are among all asked for, the same objects: counted off by identity, no key built for them.
	 */
	private static Map<String, AskedWakeup> asked(Evaluation evaluation, Instant now) {
		Map<Wakeup, Integer> whileAsked = new IdentityHashMap<>();
		evaluation.decisions().whileAsked().forEach(w -> whileAsked.merge(w, 1, Integer::sum));
		Map<String, AskedWakeup> asked = new LinkedHashMap<>();
		for (Wakeup wakeup : evaluation.decisions().wakeups()) {
			boolean plain = whileAsked.merge(wakeup, -1, Integer::sum) < 0; // more often asked than asked while asked
			if (wakeup.at().isAfter(now) && !OutreachPlanner.onlyDispatches(wakeup)) {
				asked.merge(wakeup.key(), new AskedWakeup(wakeup.at(), wakeup.orderId(), wakeup.label(), plain),
						(first, second) -> first.plain() ? first : second);
			}
		}
		return asked;
	}
}
