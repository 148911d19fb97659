package org.forewarn.channel;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.forewarn.ForewarnApp;
import org.forewarn.TwilioStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP unreachable and Twilio refusing the credentials turn their indicators DOWN with a reason, and back UP; the
 * readiness group never includes them.
 */
class ProviderHealthTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	Path data;

	@Test
	void providersGoDownWithAReasonAndBackUpWhileTheInstanceStaysReady() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		wireMock.stubFor(get(urlEqualTo(TwilioStub.ACCOUNT)).willReturn(TwilioStub.activeAccount()));
		String[] settings = concat(new TwilioStub(wireMock).settings(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + port, "--forewarn.health.providers.interval=PT0.3S");
		try (ForewarnApp app = ForewarnApp.start(data, settings)) {
			JsonNode up = awaitProviders(app, health -> status(health, "smtp").equals("UP")
					&& status(health, "twilio").equals("UP"));
			assertThat(up.get("status").asString()).isEqualTo("UP");
			assertThat(JSON.readTree(app.get("/actuator/health").body()).get("components").has("mail"))
				.as("Spring Boot's own mail check is off").isFalse();

			smtp.stop();
			twilioAnswers(401, "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}");
			JsonNode down = awaitProviders(app, health -> status(health, "smtp").equals("DOWN")
					&& status(health, "twilio").equals("DOWN"));
			assertThat(reason(down, "smtp")).contains("SMTP server 127.0.0.1:" + port + " unreachable");
			assertThat(reason(down, "twilio")).contains("Twilio rejected the credentials (HTTP 401, code 20003)");
			assertThat(app.get("/actuator/health/providers").statusCode()).isEqualTo(503);
			var ready = app.get("/actuator/health/readiness");
			assertThat(ready.statusCode()).as("a provider down never takes the instance out of readiness: "
					+ ready.body()).isEqualTo(200);
			assertThat(JSON.readTree(ready.body()).get("components").has("smtp")).isFalse();
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

			smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			wireMock.stubFor(get(urlEqualTo(TwilioStub.ACCOUNT)).willReturn(TwilioStub.activeAccount()));
			awaitProviders(app, health -> status(health, "smtp").equals("UP")
					&& status(health, "twilio").equals("UP"));
		}
		finally {
			smtp.stop();
		}
	}

	private static void twilioAnswers(int status, String body) {
		wireMock.stubFor(get(urlEqualTo(TwilioStub.ACCOUNT)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json").withBody(body)));
	}

	private static JsonNode awaitProviders(ForewarnApp app, Predicate<JsonNode> until) throws Exception {
		long deadline = System.nanoTime() + 20_000_000_000L;
		JsonNode health = null;
		while (System.nanoTime() < deadline) {
			health = JSON.readTree(app.get("/actuator/health/providers").body());
			if (until.test(health)) {
				return health;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("providers' health never got there: " + health);
	}

	private static String status(JsonNode health, String component) {
		return health.get("components").get(component).get("status").asString();
	}

	private static String reason(JsonNode health, String component) {
		return health.get("components").get(component).get("details").get("reason").asString();
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}
}
