package org.forewarn.rules;

import java.util.List;

import org.forewarn.outreach.OutreachStore;
import org.forewarn.replay.ReplaySession;
import org.forewarn.replay.Replayer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real application in the replay profile once for the whole test run (a start takes seconds) and hands
 * each test a fresh {@link Scenario}: its own customer and its own stretch of simulated time, so tests never see
 * each other's outreach.
 */
final class ReplayContextExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ReplayContextExtension.class);

	/** The replay engine, started once for the run; JUnit closes it (AutoCloseable in the root store) at the end. */
	private static ReplaySession start() {
		// these scenarios pin what the rules decide; the guardrails have tests of their own
		return ReplaySession.start(List.of("--forewarn.guardrails.quiet-hours.enabled=false"));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == Scenario.class;
	}

	/** One scenario per test: a {@code @BeforeEach} method and the test itself share it (same method context). */
	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		ReplaySession session = extension.getRoot().getStore(NAMESPACE)
			.computeIfAbsent(ReplaySession.class, key -> start(), ReplaySession.class);
		String customerId = extension.getRequiredTestClass().getSimpleName().replace("ScenarioTest", "") + "."
				+ extension.getRequiredTestMethod().getName();
		return extension.getStore(NAMESPACE).computeIfAbsent(Scenario.class,
				key -> new Scenario(customerId, session.bean(Replayer.class),
						session.bean(OutreachStore.class)),
				Scenario.class);
	}
}
