package org.forewarn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Forewarn server for tests, on the embedded defaults but with its database in the given folder and a free
 * port. Quiet hours are off unless a test sets them: these tests run on the wall clock, and must not depend on the
 * hour they run at.
 */
public final class ForewarnApp extends TestServer {

	private ForewarnApp(ConfigurableApplicationContext context) {
		super(context);
	}

	public static ForewarnApp start(Path dataDir, String... settings) {
		List<String> args = new ArrayList<>(List.of(settings));
		if (args.stream().noneMatch(s -> s.startsWith("--forewarn.guardrails.quiet-hours."))) {
			args.add("--forewarn.guardrails.quiet-hours.enabled=false");
		}
		return new ForewarnApp(run(args, List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("forewarn").toAbsolutePath(),
				"--forewarn.security.data-folder=" + dataDir.toAbsolutePath(),
				"--forewarn.rules=rules", "--forewarn.channels.templates=config/templates",
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000")));
	}
}
