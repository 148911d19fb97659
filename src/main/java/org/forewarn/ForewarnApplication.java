package org.forewarn;

import java.nio.file.Path;
import java.util.Arrays;

import org.forewarn.outreach.RuleVocabulary;
import org.forewarn.replay.ReplayCommand;
import org.forewarn.rules.ValidateCommand;
import org.forewarn.security.AccountCommand;
import org.forewarn.scenario.ScenarioCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Forewarn: {@code java -jar forewarn.jar} runs the service. One-shot commands run and exit:
 * {@code replay EVENTS --out DIR} backtests the rules over a file of events, {@code validate [DIR]} checks a rules
 * folder, {@code test [DIR]} runs its scenario tests, {@code user ...} and {@code token ...} manage who may sign in.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ForewarnApplication {

	public static void main(String[] args) {
		String command = args.length > 0 ? args[0] : "";
		String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "replay" -> System.exit(ReplayCommand.run(rest));
			case "test" -> System.exit(ScenarioCommand.run(rest, System.out));
			case "user", "token" -> {
				quietLogging();
				System.exit(AccountCommand.run(command, rest, System.in, System.out, System.err));
			}
			case "validate" -> {
				quietLogging();
				try {
					System.exit(ValidateCommand.run(rest, System.out, System.err,
							RuleVocabulary.fromSettings(Path.of("config/application.yml"))));
				}
				catch (RuleVocabulary.SettingsException e) {
					System.err.println(e.getMessage() + "; the rules were not checked");
					System.exit(2);
				}
			}
			default -> SpringApplication.run(ForewarnApplication.class, args);
		}
	}

	/** A command without Spring prints its own report; the rule compiler's log lines would only repeat it. */
	private static void quietLogging() {
		LoggingSystem logging = LoggingSystem.get(ForewarnApplication.class.getClassLoader());
		logging.beforeInitialize();
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.OFF);
	}
}
