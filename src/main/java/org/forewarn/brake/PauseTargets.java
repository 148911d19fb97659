package org.forewarn.brake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleSet;
import org.forewarn.shared.Suggestions;
import org.springframework.stereotype.Component;

/**
 * Whether a new pause names something that exists: a pause of an unknown rule or problem holds nothing, and a person
 * who reads "Paused" believes outreach is held. Rules are known by the ids the running rule set gives them, as
 * outreach records hold them. Problems are those the rules decide by a literal name, and, since a rule may compute
 * its problem at run time and waiting outreach may come from a rule since removed, those outreach records hold.
 * Only new pauses are checked: those already stored are read and resumed whatever they name.
 */
@Component
class PauseTargets {

	/** Up to this many known problems are listed in the error. */
	private static final int LISTED = 12;

	private final RuleEngine rules;
	private final PauseStore store;

	PauseTargets(RuleEngine rules, PauseStore store) {
		this.rules = rules;
		this.store = store;
	}

	/** Throws IllegalArgumentException naming the field when no rule has this id. */
	void checkRule(String name) {
		Map<String, String> ids = rules.current().ruleIds();
		if (ids.containsKey(name)) {
			return;
		}
		Optional<String> byName = ids.entrySet().stream().filter(e -> e.getValue().equals(name))
			.map(Map.Entry::getKey).findFirst();
		if (byName.isPresent()) {
			throw new IllegalArgumentException("name: '" + name + "' is a rule's name; pause it by its id '"
					+ byName.get() + "'");
		}
		throw new IllegalArgumentException("name: the running rules have no rule with the id '" + name + "'"
				+ Suggestions.didYouMean(name, ids.keySet()) + " (GET /api/rules lists them under ruleIds)");
	}

	/** Throws IllegalArgumentException naming the field when neither the rules nor any outreach knows the problem. */
	void checkProblem(String name) {
		RuleSet running = rules.current();
		if (running.problems().contains(name) || store.outreachAbout(name)) {
			return;
		}
		List<String> known = List.copyOf(new TreeSet<>(running.problems()));
		String listed = known.isEmpty() ? "" : known.size() <= LISTED
				? " (the rules decide " + String.join(", ", known) + ")"
				: Suggestions.didYouMean(name, known);
		throw new IllegalArgumentException("name: no rule decides the problem '" + name
				+ "' and no outreach is about it" + listed);
	}
}
