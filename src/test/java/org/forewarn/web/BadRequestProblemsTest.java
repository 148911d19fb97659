package org.forewarn.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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

			HttpResponse<String> wrongType = app.post("/api/users", "{\"name\":\"x\",\"password\":\"p\","
					+ "\"roles\":{\"not\":\"a list\"}}");
			assertThat(wrongType.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(wrongType.body()).get("field").asString()).isEqualTo("roles");

			HttpResponse<String> broken = app.post("/api/users", "{\"name\":");
			assertThat(broken.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(broken.body()).get("field").asString()).isNotBlank();

			HttpResponse<String> event = app.post("/api/events", "{\"id\":\"e1\",\"type\":\"order.paid\",\"time\":\""
					+ Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}");
			assertThat(event.statusCode()).as("intake keeps its own per-event answers").isEqualTo(400);
			assertThat(JSON.readTree(event.body()).has("results")).isTrue();
		}
	}
}
