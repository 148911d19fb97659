package org.forewarn;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.forewarn.engine.IntakeResult;
import org.forewarn.event.EventParser;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.replay.Replayer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Forewarn server on a clock the test moves: the replay profile's simulated clock and in-memory wakeups, an
 * in-memory database, and the HTTP API on a free port. Time only moves when the test feeds an event or calls
 * {@link #advanceTo}; wakeups due by then fire in order, exactly as in a replay.
 */
public final class SimulatedForewarn implements AutoCloseable {

	private final ConfigurableApplicationContext context;
	private final Replayer replayer;
	private final HttpClient http = HttpClient.newHttpClient();

	private SimulatedForewarn(ConfigurableApplicationContext context) {
		this.context = context;
		this.replayer = context.getBean(Replayer.class);
	}

	/** Starts at {@code start} with the given settings ({@code --key=value}), which win over ./config. */
	public static SimulatedForewarn start(Instant start, String... settings) {
		List<String> args = new ArrayList<>(List.of(settings));
		// a setting given twice would reach Spring as both values joined by a comma: defaults only where not given
		for (String fallback : List.of("--spring.profiles.active=replay", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:sim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.autoconfigure.exclude=org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
				"--forewarn.channels.templates=config/templates", "--forewarn.lanes=2",
				"--spring.main.banner-mode=off")) {
			String key = fallback.substring(0, fallback.indexOf('=') + 1);
			if (args.stream().noneMatch(a -> a.startsWith(key))) {
				args.add(fallback);
			}
		}
		SimulatedForewarn app = new SimulatedForewarn(
				SpringApplication.run(ForewarnApplication.class, args.toArray(String[]::new)));
		app.advanceTo(start);
		return app;
	}

	public IntakeResult feed(String eventJson) {
		return replayer.feed(EventParser.parse(eventJson));
	}

	/** Moves the clock forward, firing every wakeup due by then at its own time. */
	public void advanceTo(Instant moment) {
		replayer.advanceTo(moment);
	}

	public void advance(Duration by) {
		advanceTo(now().plus(by));
	}

	public Instant now() {
		return replayer.now();
	}

	public List<Outreach> outreach(String customerId) {
		return bean(OutreachStore.class).findByCustomer(customerId);
	}

	public Outreach only(String customerId) {
		List<Outreach> all = outreach(customerId);
		if (all.size() != 1) {
			throw new AssertionError("expected one outreach for " + customerId + ", got " + all);
		}
		return all.get(0);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form POST as Twilio sends its webhooks, with the given headers. */
	public HttpResponse<String> postForm(String path, Map<String, String> form, Map<String, String> headers)
			throws IOException, InterruptedException {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
