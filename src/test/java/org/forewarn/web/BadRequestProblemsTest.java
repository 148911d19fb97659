package org.forewarn.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad request parameters and bodies are answered 400 as problem details naming what is at fault. */
class BadRequestProblemsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void badParametersAndBodiesAreNamedInProblemDetails() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			HttpResponse<String> followups = app.get("/api/followups?status=bogus");
			assertThat(followups.statusCode()).isEqualTo(400);
			assertThat(followups.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = JSON.readTree(followups.body());
			assertThat(problem.get("status").asInt()).isEqualTo(400);
			assertThat(problem.get("parameter").asString()).isEqualTo("status");
			assertThat(problem.get("detail").asString()).contains("'bogus'", "OPEN");

			JsonNode outreach = JSON.readTree(app.get("/api/outreach?status=nope").body());
			assertThat(outreach.get("parameter").asString()).isEqualTo("status");
			JsonNode channel = JSON.readTree(app.get("/api/outreach?channel=Fax").body());
			assertThat(channel.get("parameter").asString()).isEqualTo("channel");
			assertThat(channel.get("detail").asString()).contains("'Fax'", "email", "sms", "task");

			HttpResponse<String> wrongType = app.post("/api/users", "{\"name\":\"x\",\"password\":\"p\","
					+ "\"roles\":{\"not\":\"a list\"}}");
			assertThat(wrongType.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(wrongType.body()).get("field").asString()).isEqualTo("roles");

			assertThat(app.post("/api/tokens", "{\"name\":\"shop\",\"roles\":[\"intake\"]}").statusCode())
				.isEqualTo(201);
			HttpResponse<String> tokensName = app.post("/api/users", "{\"name\":\"shop\",\"password\":"
					+ "\"long enough 123\",\"roles\":[\"support\"]}");
			assertThat(tokensName.statusCode()).as("a user may not take a token's name").isEqualTo(400);
			assertThat(JSON.readTree(tokensName.body()).get("field").asString()).isEqualTo("name");
			assertThat(JSON.readTree(tokensName.body()).get("detail").asString()).contains("a token's already");
			HttpResponse<String> usersName = app.post("/api/tokens", "{\"name\":\"admin\",\"roles\":[\"reviewer\"]}");
			assertThat(usersName.statusCode()).as("nor a token a user's").isEqualTo(400);
			assertThat(JSON.readTree(usersName.body()).get("detail").asString()).contains("a user's already");
			assertThat(app.get("/api/tokens").body()).doesNotContain("\"admin\"");

			HttpResponse<String> broken = app.post("/api/users", "{\"name\":");
			assertThat(broken.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(broken.body()).get("field").asString()).isNotBlank();

			HttpResponse<String> event = app.post("/api/events", "{\"id\":\"e1\",\"type\":\"order.paid\",\"time\":\""
					+ Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}");
			assertThat(event.statusCode()).as("intake keeps its own per-event answers").isEqualTo(400);
			assertThat(JSON.readTree(event.body()).has("results")).isTrue();
		}
	}

	/** method, path, body, the status, and the member naming what is at fault with its value (null: none). */
	record Bad(String method, String path, String body, int status, String member, String name) {
	}

	@Test
	void everyEndpointAnswersABadRequestWithAProblemNamingWhatIsAtFault() throws Exception {
		List<Bad> cases = List.of(
				new Bad("GET", "/api/outreach?status=nope", null, 400, "parameter", "status"),
				new Bad("GET", "/api/outreach?limit=many", null, 400, "parameter", "limit"),
				new Bad("GET", "/api/outreach?channel=fax", null, 400, "parameter", "channel"),
				new Bad("GET", "/api/outreach/none/history", null, 404, "parameter", "id"),
				new Bad("GET", "/api/outreach/none/attempts", null, 404, "parameter", "id"),
				new Bad("POST", "/api/outreach/none/approve", "{}", 404, "parameter", "id"),
				new Bad("POST", "/api/outreach/none/reject", "{\"note\":", 400, "field", "body"),
				new Bad("GET", "/api/followups?status=bogus", null, 400, "parameter", "status"),
				new Bad("GET", "/api/followups?age=soon", null, 400, "parameter", "age"),
				new Bad("GET", "/api/followups?size=5000", null, 400, "parameter", "size"),
				new Bad("GET", "/api/followups?page=many", null, 400, "parameter", "page"),
				new Bad("GET", "/api/followups?page=3000000&size=1000", null, 400, "parameter", "page"),
				new Bad("GET", "/api/suppressions?page=3000000&size=1000", null, 400, "parameter", "page"),
				new Bad("GET", "/api/suppressions?page=-1", null, 400, "parameter", "page"),
				new Bad("GET", "/api/suppressions?size=0", null, 400, "parameter", "size"),
				new Bad("POST", "/api/followups/none/claim", "{}", 404, "parameter", "id"),
				new Bad("POST", "/api/followups/none/resolve", "{}", 404, "parameter", "id"),
				new Bad("POST", "/api/followups/none/resolve", "{\"note\": 5}", 400, "parameter", "note"),
				new Bad("POST", "/api/followups/none/claim", "{\"note\": true}", 400, "parameter", "note"),
				new Bad("POST", "/api/followups/none/claim", "{\"notes\": \"typo\"}", 400, "parameter", "notes"),
				new Bad("POST", "/api/followups/none/dismiss", "{\"note\": \"a\", \"note\": \"b\"}", 400, "field",
						"note"),
				new Bad("POST", "/api/outreach/none/approve", "{\"note\": 5}", 400, "parameter", "note"),
				new Bad("POST", "/api/followups/none/resolve", "{\"note\": \"" + "x".repeat(801) + "\"}", 400,
						"parameter", "note"),
				new Bad("POST", "/api/outreach/none/reject", "{\"note\": \"" + "x".repeat(801) + "\"}", 400,
						"parameter", "note"),
				new Bad("POST", "/api/outreach/resend", "{\"ids\": [\"a\"], \"note\": \"" + "x".repeat(801) + "\"}",
						400, "parameter", "note"),
				new Bad("POST", "/api/outreach/none/reject", "{\"note\": \"x\", \"reason\": \"y\"}", 400,
						"parameter", "reason"),
				new Bad("POST", "/api/outreach/none/resend", "{\"note\": [\"x\"]}", 400, "parameter", "note"),
				new Bad("POST", "/api/outreach/none/acknowledge", "{\"notes\": \"x\"}", 400, "parameter", "notes"),
				new Bad("POST", "/api/outreach/acknowledge", "{\"ids\": [\"a\"], \"nte\": \"x\"}", 400,
						"parameter", "nte"),
				new Bad("POST", "/api/followups/none/dismiss", "[1]", 400, "field", "body"),
				new Bad("GET", "/api/outcomes?from=yesterday", null, 400, "parameter", "from"),
				new Bad("GET", "/api/outcomes?to=2026-13-01", null, 400, "parameter", "to"),
				new Bad("POST", "/api/users", "{\"name\":\"lea\",\"password\":\"short\",\"roles\":[\"support\"]}", 400,
						"field", "password"),
				new Bad("POST", "/api/users", "{\"name\":\"max\",\"password\":\"long enough 123\",\"roles\":[\"boss\"]}",
						400, "field", "roles"),
				new Bad("POST", "/api/tokens", "{\"name\":\"no spaces!\",\"roles\":[\"intake\"]}", 400, "field", "name"),
				new Bad("POST", "/api/tokens", "{\"name\":\"admin\",\"roles\":[\"reviewer\"]}", 400, "field", "name"),
				new Bad("GET", "/api/users/changes?limit=999999999999", null, 400, "parameter", "limit"),
				new Bad("GET", "/api/users/changes?limit=-5", null, 400, "parameter", "limit"),
				new Bad("GET", "/api/users/changes?limit=0", null, 400, "parameter", "limit"),
				new Bad("GET", "/api/users/changes?limit=10001", null, 400, "parameter", "limit"),
				new Bad("DELETE", "/api/users/nobody", null, 404, "parameter", "name"),
				new Bad("DELETE", "/api/tokens/nothing", null, 404, "parameter", "name"),
				new Bad("DELETE", "/api/suppressions/email/none@example.com", null, 404, "parameter", "address"),
				new Bad("GET", "/api/customers/export?customerId=nosuch", null, 404, "parameter", "customerId"),
				new Bad("DELETE", "/api/customers?customerId=nosuch", null, 404, "parameter", "customerId"),
				new Bad("GET", "/api/customers/nosuch/export", null, 404, "parameter", "customerId"),
				new Bad("POST", "/api/rules/reload", "text/plain", 415, "header", "Content-Type"),
				new Bad("DELETE", "/api/rules", null, 405, null, null),
				new Bad("GET", "/api/not-an-endpoint", null, 404, null, null));
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			for (Bad bad : cases) {
				HttpResponse<String> response = switch (bad.method()) {
					case "GET" -> app.get(bad.path());
					case "DELETE" -> app.delete(bad.path());
					default -> "text/plain".equals(bad.body()) ? app.post(bad.path(), "text/plain", "x")
							: app.post(bad.path(), bad.body());
				};
				String what = bad.method() + " " + bad.path() + ": " + response.body();
				assertThat(response.statusCode()).as(what).isEqualTo(bad.status());
				assertThat(response.headers().firstValue("Content-Type")).as(what)
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				JsonNode problem = JSON.readTree(response.body());
				assertThat(problem.get("status").asInt()).as(what).isEqualTo(bad.status());
				assertThat(problem.get("detail").asString()).as(what).isNotBlank();
				if (bad.member() != null) {
					assertThat(problem.path(bad.member()).asString()).as(what).isEqualTo(bad.name());
				}
			}
			HttpResponse<String> anonymous = app.anonymous().get("/api/outreach");
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(JSON.readTree(anonymous.body()).get("header").asString()).isEqualTo("Authorization");
			HttpResponse<String> forbidden = app.asNewUser("scraper", "metrics").get("/api/outreach");
			assertThat(forbidden.statusCode()).isEqualTo(403);
			assertThat(JSON.readTree(forbidden.body()).get("detail").asString())
				.isEqualTo("the roles of this account do not allow GET /api/outreach");
		}
	}
}
