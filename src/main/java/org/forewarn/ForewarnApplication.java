package org.forewarn;

import java.util.Arrays;

import org.forewarn.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Forewarn: {@code java -jar forewarn.jar} runs the service; {@code java -jar forewarn.jar replay EVENTS --out DIR}
 * runs a backtest over a file of events and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ForewarnApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("replay")) {
			System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(ForewarnApplication.class, args);
	}
}
