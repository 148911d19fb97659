package org.forewarn.rules;

import java.util.List;
import java.util.UUID;

import org.forewarn.ForewarnApplication;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.replay.Replayer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application in the replay profile once for the whole test run (a start takes seconds) and hands
 * each test a fresh {@link Scenario}: its own customer and its own stretch of simulated time, so tests never see
 * each other's outreach.
 */
final class ReplayContextExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ReplayContextExtension.class);

	/** The running context; JUnit closes it (AutoCloseable in the root store) when the run ends. */
	static final class Running implements AutoCloseable {

		final ConfigurableApplicationContext context;

		Running() {
			// Exactly as ReplayCommand.start: arguments, because ./config/application.yml overrides
			// SpringApplication default properties.
			SpringApplication app = new SpringApplication(ForewarnApplication.class);
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles("replay");
			context = app.run(List.of(
					"--spring.datasource.url=jdbc:h2:mem:rules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--spring.autoconfigure.exclude="
							+ "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
					"--forewarn.channels.record-only=true", "--forewarn.lanes=1",
					// these scenarios pin what the rules decide; the guardrails have tests of their own
					"--forewarn.guardrails.quiet-hours.enabled=false", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN", "--logging.level.org.forewarn=WARN").toArray(String[]::new));
		}

		@Override
		public void close() {
			context.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == Scenario.class;
	}

	/** One scenario per test: a {@code @BeforeEach} method and the test itself share it (same method context). */
	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		Running running = extension.getRoot().getStore(NAMESPACE)
			.computeIfAbsent(Running.class, key -> new Running(), Running.class);
		String customerId = extension.getRequiredTestClass().getSimpleName().replace("ScenarioTest", "") + "."
				+ extension.getRequiredTestMethod().getName();
		return extension.getStore(NAMESPACE).computeIfAbsent(Scenario.class,
				key -> new Scenario(customerId, running.context.getBean(Replayer.class),
						running.context.getBean(OutreachStore.class)),
				Scenario.class);
	}
}
