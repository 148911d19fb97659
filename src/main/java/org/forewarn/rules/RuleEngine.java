package org.forewarn.rules;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.forewarn.customer.CustomerState;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Evaluates the running rule set for one customer at one trigger; the rule set can be swapped between calls. */
public class RuleEngine {

	/** Guards against rules that keep re-activating each other. */
	static final int MAX_FIRINGS = 10_000;

	private final AtomicReference<RuleSet> current;
	private final RuleFailures failures;
	private final Timer evaluations;

	public RuleEngine(RuleSet initial) {
		this(initial, Clock.systemUTC(), new CompositeMeterRegistry());
	}

	/** {@code clock} stamps when a rule was last seen failing; {@code meters} times each evaluation. */
	public RuleEngine(RuleSet initial, Clock clock, MeterRegistry meters) {
		this.current = new AtomicReference<>(initial);
		this.failures = new RuleFailures(clock);
		this.evaluations = Timer.builder("forewarn.rules.evaluation")
			.description("Time to evaluate the rules for one event").register(meters);
	}

	/** The rules whose actions threw since this engine started. */
	public RuleFailures failures() {
		return failures;
	}

	public RuleSet current() {
		return current.get();
	}

	/** Installs a new rule set; evaluations already running finish on the one they started with. */
	public void swap(RuleSet next) {
		current.set(next);
	}

	public Evaluation evaluate(CustomerState state, Trigger trigger, List<PriorOutreach> prior) {
		return evaluations.record(() -> evaluateNow(state, trigger, prior));
	}

	/** Only rule sets that declare the global may be given it. */
	private static boolean declaresThresholds(RuleSet rules) {
		return rules.kieBase().getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
			.anyMatch(g -> g.getName().equals(Thresholds.GLOBAL));
	}

	private Evaluation evaluateNow(CustomerState state, Trigger trigger, List<PriorOutreach> prior) {
		RuleSet rules = current.get();
		Decisions decisions = new Decisions(state.customerId());
		KieSession session = rules.kieBase().newKieSession();
		try {
			session.setGlobal("decide", decisions);
			if (declaresThresholds(rules)) {
				session.setGlobal(Thresholds.GLOBAL, rules.thresholds());
			}
			session.addEventListener(new DefaultAgendaEventListener() {
				@Override
				public void beforeMatchFired(BeforeMatchFiredEvent event) {
					decisions.enterRule(RuleIds.of(event.getMatch().getRule()), event.getMatch().getObjects().stream()
						.map(String::valueOf).collect(Collectors.joining("; ")));
				}
			});
			session.insert(trigger);
			state.facts().forEach(session::insert);
			prior.forEach(session::insert);
			int fired = session.fireAllRules(MAX_FIRINGS);
			if (fired >= MAX_FIRINGS) {
				throw new IllegalStateException("rules fired " + fired + " times for customer " + state.customerId()
						+ " at " + trigger + "; a rule probably re-activates itself");
			}
		}
		finally {
			session.dispose();
		}
		Evaluation evaluation = new Evaluation(rules.version(), trigger, decisions);
		failures.record(evaluation);
		return evaluation;
	}
}
