package org.forewarn.rules;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.forewarn.customer.CustomerState;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Evaluates the running rule set for one customer at one trigger; the rule set can be swapped between calls. */
public class RuleEngine {

	/** Guards against rules that keep re-activating each other: those fail, the event and the others' decisions stand. */
	static final int MAX_FIRINGS = 10_000;
	/** The global through which rules decide. */
	static final String DECIDE = "decide";

	private final AtomicReference<Running> current;
	private final RuleFailures failures;
	private final Timer evaluations;

	public RuleEngine(RuleSet initial) {
		this(initial, Clock.systemUTC(), new CompositeMeterRegistry());
	}

	/** {@code clock} stamps when a rule was last seen failing; {@code meters} times each evaluation. */
	public RuleEngine(RuleSet initial, Clock clock, MeterRegistry meters) {
		this.current = new AtomicReference<>(new Running(initial));
		this.failures = new RuleFailures(clock);
		this.evaluations = Timer.builder("forewarn.rules.evaluation")
			.description("Time to evaluate the rules for one event").register(meters);
	}

	/** The rules whose actions threw since this engine started. */
	public RuleFailures failures() {
		return failures;
	}

	public RuleSet current() {
		return current.get().rules();
	}

	/** Installs a new rule set; evaluations already running finish on the one they started with. */
	public void swap(RuleSet next) {
		current.set(new Running(next));
	}

	public Evaluation evaluate(CustomerState state, Trigger trigger, List<PriorOutreach> prior) {
		return evaluations.record(() -> evaluateNow(state, trigger, prior));
	}

	private Evaluation evaluateNow(CustomerState state, Trigger trigger, List<PriorOutreach> prior) {
		Running running = current.get();
		String phone = state.customer().getPhone();
		Decisions decisions = new Decisions(state.customerId(), phone == null ? List.of() : List.of(phone));
		EvidenceListener evidence = new EvidenceListener(decisions);
		KieSession session = running.sessions().take();
		boolean sound = true;
		try {
			// a rule set without rules (or whose rules only look) declares no globals; setting one would throw
			if (running.declaresDecide()) {
				session.setGlobal(DECIDE, decisions);
			}
			if (running.declaresThresholds()) {
				session.setGlobal(Thresholds.GLOBAL, running.rules().thresholds());
			}
			session.addEventListener(evidence);
			session.insert(trigger);
			state.facts().forEach(fact -> insertIfMatched(running, session, fact));
			prior.forEach(fact -> insertIfMatched(running, session, fact));
			int fired = session.fireAllRules(MAX_FIRINGS);
			if (fired >= MAX_FIRINGS) {
				decisions.cutShort();
			}
		}
		catch (RuntimeException e) {
			// a condition threw (a number compared with text): that rule fails, the event is still processed
			sound = false;
			decisions.conditionFailed(ConditionFailures.rulesOf(e, running.rules().kieBase()), e);
		}
		finally {
			if (sound) {
				running.sessions().giveBack(session);
			}
			else {
				running.sessions().discard(session);
			}
		}
		Evaluation evaluation = new Evaluation(running.rules().version(), trigger, decisions,
				running.rules().ruleIds().keySet());
		failures.record(evaluation);
		return evaluation;
	}

	private static void insertIfMatched(Running running, KieSession session, Object fact) {
		if (running.sessions().matches(fact.getClass())) {
			session.insert(fact);
		}
	}

	/** Tells the decisions which rule is firing and on which facts. */
	private static final class EvidenceListener extends DefaultAgendaEventListener {

		private final Decisions decisions;

		EvidenceListener(Decisions decisions) {
			this.decisions = decisions;
		}

		@Override
		public void beforeMatchFired(BeforeMatchFiredEvent event) {
			decisions.enterRule(RuleIds.of(event.getMatch().getRule()), event.getMatch().getObjects());
		}
	}

	/** The running rule set with what every evaluation needs of it, worked out once when it is installed. */
	private record Running(RuleSet rules, Sessions sessions, boolean declaresDecide, boolean declaresThresholds) {

		Running(RuleSet rules) {
			this(rules, new Sessions(rules.kieBase()), declares(rules, DECIDE), declares(rules, Thresholds.GLOBAL));
		}

		private static boolean declares(RuleSet rules, String global) {
			return rules.kieBase().getKiePackages().stream()
				.flatMap(p -> p.getGlobalVariables().stream())
				.anyMatch(g -> g.getName().equals(global));
		}
	}
}
