package org.forewarn.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every endpoint of every controller, with the role to sign in with, its
 * parameters and examples, and the problem details each can answer.
 */
class ApiDocsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every path and its methods, as the controllers map them. */
	private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
			Map.entry("/api/events", List.of("post")),
			Map.entry("/api/outreach", List.of("get")),
			Map.entry("/api/outreach/{id}/history", List.of("get")),
			Map.entry("/api/outreach/{id}/attempts", List.of("get")),
			Map.entry("/api/outreach/{id}/approve", List.of("post")),
			Map.entry("/api/outreach/{id}/reject", List.of("post")),
			Map.entry("/api/outreach/{id}/preview", List.of("get")),
			Map.entry("/api/outreach/failed", List.of("get")),
			Map.entry("/api/outreach/{id}/resend", List.of("post")),
			Map.entry("/api/outreach/{id}/acknowledge", List.of("post")),
			Map.entry("/api/outreach/resend", List.of("post")),
			Map.entry("/api/outreach/acknowledge", List.of("post")),
			Map.entry("/api/followups/summary", List.of("get")),
			Map.entry("/api/suppressions", List.of("get", "post")),
			Map.entry("/api/suppressions/import", List.of("post")),
			Map.entry("/api/suppressions/{channel}/{address}", List.of("delete")),
			Map.entry("/api/pauses", List.of("get", "post")),
			Map.entry("/api/pauses/{scope}/{name}", List.of("delete")),
			Map.entry("/api/customers/{customerId}/export", List.of("get")),
			Map.entry("/api/customers/{customerId}", List.of("delete")),
			Map.entry("/api/customers/export", List.of("get")),
			Map.entry("/api/customers", List.of("delete")),
			Map.entry("/api/me/password", List.of("post")),
			Map.entry("/api/users/{name}/password", List.of("post")),
			Map.entry("/api/users/changes", List.of("get")),
			Map.entry("/api/followups", List.of("get")),
			Map.entry("/api/followups/{id}/claim", List.of("post")),
			Map.entry("/api/followups/{id}/resolve", List.of("post")),
			Map.entry("/api/followups/{id}/dismiss", List.of("post")),
			Map.entry("/api/customers/{customerId}/timeline", List.of("get")),
			Map.entry("/api/customers/timeline", List.of("get")),
			Map.entry("/api/outcomes", List.of("get")),
			Map.entry("/api/rules", List.of("get")),
			Map.entry("/api/rules/reload", List.of("post")),
			Map.entry("/api/users", List.of("get", "post")),
			Map.entry("/api/users/{name}", List.of("delete")),
			Map.entry("/api/tokens", List.of("get", "post")),
			Map.entry("/api/tokens/{name}", List.of("delete")),
			Map.entry("/unsubscribe", List.of("get", "post")),
			Map.entry("/webhooks/twilio/inbound", List.of("post")),
			Map.entry("/webhooks/twilio/status", List.of("post")));

	@TempDir
	Path data;

	@Test
	void theDocumentCoversEveryEndpointWithItsParametersAndErrors() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			assertThat(app.anonymous().get("/v3/api-docs").statusCode()).isEqualTo(401);
			var response = app.asNewUser("reader", "intake").get("/v3/api-docs");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode api = JSON.readTree(response.body());
			assertThat(api.get("openapi").asString()).startsWith("3.");
			assertThat(api.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");

			JsonNode paths = api.get("paths");
			List<String> documented = new ArrayList<>();
			paths.properties().forEach(path -> path.getValue().properties()
				.forEach(method -> documented.add(method.getKey() + " " + path.getKey())));
			List<String> expected = new ArrayList<>();
			ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> expected.add(method + " " + path)));
			assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);

			ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> {
				JsonNode operation = paths.get(path).get(method);
				String what = method + " " + path;
				assertThat(operation.path("summary").asString()).as(what + " summary").isNotBlank();
				assertThat(operation.path("tags").size()).as(what + " tag").isPositive();
				if (path.startsWith("/api/")) {
					assertThat(operation.get("responses").has("401")).as(what + " 401").isTrue();
					assertThat(operation.get("responses").has("403")).as(what + " 403").isTrue();
					assertThat(operation.at("/responses/403/content").has("application/problem+json")).as(what)
						.isTrue();
				}
				if (path.contains("{")) {
					assertThat(operation.get("responses").has("404")).as(what + " 404").isTrue();
				}
				operation.path("parameters").forEach(parameter -> {
					if ("query".equals(parameter.get("in").asString()) && path.startsWith("/api/")) {
						assertThat(operation.get("responses").has("400")).as(what + " 400").isTrue();
					}
				});
			}));
			JsonNode status = paths.at("/~1api~1followups/get/parameters").valueStream()
				.filter(p -> p.get("name").asString().equals("status")).findFirst().orElseThrow();
			assertThat(status.get("example").asString()).isEqualTo("OPEN");
			assertThat(paths.at("/~1webhooks~1twilio~1status/post/security").size()).as("public").isZero();
			assertThat(paths.at("/~1api~1outreach~1{id}~1approve/post/responses").has("409")).isTrue();
		}
	}
}
