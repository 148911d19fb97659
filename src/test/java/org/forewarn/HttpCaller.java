package org.forewarn;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Requests to a running Forewarn, signed in with one set of {@link Credentials}. */
public class HttpCaller {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Function<String, URI> uris;
	private final Credentials credentials;

	public HttpCaller(Function<String, URI> uris, Credentials credentials) {
		this.uris = uris;
		this.credentials = credentials;
	}

	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return send(request(path).header("Accept", accept).GET());
	}

	/** A GET without an Accept header, as a link click or a plain client sends it. */
	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return post(path, "application/json", json);
	}

	/** A POST with any content type ({@code null}: no Content-Type header) and body. */
	public HttpResponse<String> post(String path, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send(request(path).DELETE());
	}

	/** A form POST as Twilio sends its webhooks, with the given headers. */
	public HttpResponse<String> postForm(String path, Map<String, String> form, Map<String, String> headers)
			throws IOException, InterruptedException {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request to {@code path} carrying these credentials. */
	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uris.apply(path));
		if (credentials.authorization() != null) {
			request.header("Authorization", credentials.authorization());
		}
		return request;
	}
}
