package org.forewarn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Forewarn server for tests, on the embedded defaults but with its database in the given folder and a free
 * port. Settings are passed as command-line arguments, which win over ./config/application.yml. Quiet hours are off
 * unless a test sets them: these tests run on the wall clock, and must not depend on the hour they run at.
 */
public final class ForewarnApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;
	private final HttpClient http = HttpClient.newHttpClient();

	private ForewarnApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static ForewarnApp start(Path dataDir, String... settings) {
		List<String> args = new ArrayList<>(List.of(settings));
		if (args.stream().noneMatch(s -> s.startsWith("--forewarn.guardrails.quiet-hours."))) {
			args.add("--forewarn.guardrails.quiet-hours.enabled=false");
		}
		// a setting given twice would reach Spring as both values joined by a comma: defaults only where not given
		for (String fallback : List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("forewarn").toAbsolutePath(),
				"--forewarn.rules=rules", "--forewarn.channels.templates=config/templates",
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000")) {
			String key = fallback.substring(0, fallback.indexOf('=') + 1);
			if (args.stream().noneMatch(a -> a.startsWith(key))) {
				args.add(fallback);
			}
		}
		return new ForewarnApp(SpringApplication.run(ForewarnApplication.class, args.toArray(String[]::new)));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, "application/json");
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	@Override
	public void close() {
		context.close();
	}
}
