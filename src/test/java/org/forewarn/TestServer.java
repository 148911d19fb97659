package org.forewarn;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A running Forewarn for tests: started from command-line settings, reached over HTTP on its free port. */
public abstract class TestServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;
	private final HttpClient http = HttpClient.newHttpClient();

	protected TestServer(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts Forewarn with the test's settings plus each default the test did not set itself: a setting given twice
	 * would reach Spring as both values joined by a comma. Arguments win over ./config/application.yml.
	 */
	protected static ConfigurableApplicationContext run(List<String> settings, List<String> defaults) {
		List<String> args = new ArrayList<>(settings);
		for (String fallback : defaults) {
			String key = fallback.substring(0, fallback.indexOf('=') + 1);
			if (args.stream().noneMatch(a -> a.startsWith(key))) {
				args.add(fallback);
			}
		}
		return SpringApplication.run(ForewarnApplication.class, args.toArray(String[]::new));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A GET without an Accept header, as a link click or a plain client sends it. */
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
