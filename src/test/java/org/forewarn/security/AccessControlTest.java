package org.forewarn.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint against anonymous and each role, signing in with HTTP Basic (users) and API
 * tokens. An allowed caller gets the endpoint's own answer (200, or 404 for an id that does not exist, 400 for an
 * event that is rejected); a caller without the role 403; without credentials 401 with {@code WWW-Authenticate}.
 * Console pages the same way in a browser session signed in through the sign-in form: anonymous is sent there.
 */
class AccessControlTest {

	@TempDir
	static Path data;

	static ForewarnApp app;
	static final Map<String, HttpCaller> CALLERS = new LinkedHashMap<>();

	private static final Set<String> SUPPORT = Set.of("support", "reviewer", "admin");
	private static final Set<String> REVIEWER = Set.of("reviewer", "admin");
	private static final Set<String> RULES = Set.of("rules", "admin");
	private static final Set<String> INTAKE = Set.of("intake", "admin");
	private static final Set<String> ADMIN = Set.of("admin");
	private static final Set<String> EVERYONE = Set.of("anonymous", "support", "reviewer", "rules", "intake", "metrics",
			"privacy", "admin");
	private static final Set<String> PRIVACY = Set.of("privacy", "admin");
	private static final Set<String> METRICS = Set.of("metrics", "admin");
	private static final Set<String> SIGNED_IN = Set.of("support", "reviewer", "rules", "intake", "metrics", "privacy",
			"admin");

	@BeforeAll
	static void start() throws Exception {
		app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false");
		CALLERS.put("anonymous", app.anonymous());
		for (String role : List.of("support", "reviewer", "rules", "intake", "metrics", "privacy")) {
			CALLERS.put(role, app.asNewUser("user-" + role, role));
		}
		CALLERS.put("admin", app);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	/** method, path, JSON body (null: none), who may call it, and the answer an allowed caller gets. */
	record Endpoint(String method, String path, String body, Set<String> allowed, int answer) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	static List<Endpoint> endpoints() {
		return List.of(
				new Endpoint("POST", "/api/events", "{\"id\":\"e1\",\"type\":\"order.paid\"}", INTAKE, 400),
				new Endpoint("GET", "/api/outreach", null, SUPPORT, 200),
				new Endpoint("GET", "/api/outreach/none/history", null, SUPPORT, 404),
				new Endpoint("GET", "/api/outreach/none/attempts", null, SUPPORT, 404),
				new Endpoint("POST", "/api/outreach/none/approve", "{\"note\":\"ok\"}", REVIEWER, 404),
				new Endpoint("POST", "/api/outreach/none/reject", "{}", REVIEWER, 404),
				new Endpoint("GET", "/api/outreach/none/preview", null, REVIEWER, 404),
				new Endpoint("GET", "/api/outreach/failed", null, SUPPORT, 200),
				new Endpoint("POST", "/api/outreach/none/resend", "{}", REVIEWER, 404),
				new Endpoint("POST", "/api/outreach/none/acknowledge", "{\"note\":\"ok\"}", REVIEWER, 404),
				new Endpoint("POST", "/api/outreach/resend", "{\"ids\":[\"none\"]}", REVIEWER, 200),
				new Endpoint("POST", "/api/outreach/acknowledge", "{\"ids\":[\"none\"]}", REVIEWER, 200),
				new Endpoint("GET", "/api/followups", null, SUPPORT, 200),
				new Endpoint("GET", "/api/followups/summary", null, SUPPORT, 200),
				new Endpoint("POST", "/api/followups/none/claim", "{}", SUPPORT, 404),
				new Endpoint("POST", "/api/followups/none/resolve", "{\"note\":\"done\"}", SUPPORT, 404),
				new Endpoint("POST", "/api/followups/none/dismiss", null, SUPPORT, 404),
				new Endpoint("GET", "/api/customers/c1/timeline", null, SUPPORT, 404),
				new Endpoint("GET", "/api/customers/timeline?customerId=a%2Fb", null, SUPPORT, 404),
				new Endpoint("GET", "/api/outcomes", null,
						Set.of("support", "reviewer", "rules", "admin"), 200),
				new Endpoint("GET", "/api/suppressions", null, SUPPORT, 200),
				new Endpoint("POST", "/api/suppressions", "{\"channel\":\"fax\"}", REVIEWER, 400),
				new Endpoint("POST", "/api/suppressions/import", "{}", REVIEWER, 400),
				new Endpoint("DELETE", "/api/suppressions/email/nobody@example.com", null, REVIEWER, 404),
				new Endpoint("GET", "/api/pauses", null, SUPPORT, 200),
				new Endpoint("POST", "/api/pauses", "{\"scope\":\"kind\",\"name\":\"x\"}", REVIEWER, 400),
				new Endpoint("DELETE", "/api/pauses/rule/nothing-paused", null, REVIEWER, 404),
				new Endpoint("GET", "/api/rules", null, RULES, 200),
				new Endpoint("POST", "/api/rules/reload", null, RULES, 200),
				new Endpoint("GET", "/api/users", null, ADMIN, 200),
				new Endpoint("GET", "/api/tokens", null, ADMIN, 200),
				new Endpoint("DELETE", "/api/users/nobody", null, ADMIN, 404),
				new Endpoint("GET", "/api/users/changes", null, ADMIN, 200),
				new Endpoint("POST", "/api/users/nobody/password", "{\"new\":\"a-long-new-password\"}", ADMIN, 404),
				// every signed-in user may change their own password; a new one that is too short is a 400
				new Endpoint("POST", "/api/me/password", "{\"current\":\"x\",\"new\":\"short\"}", SIGNED_IN, 400),
				new Endpoint("DELETE", "/api/tokens/nothing", null, ADMIN, 404),
				new Endpoint("GET", "/api/not-an-endpoint", null, ADMIN, 404),
				new Endpoint("GET", "/actuator/info", null, ADMIN, 200),
				new Endpoint("GET", "/actuator/prometheus", null, METRICS, 200),
				new Endpoint("GET", "/api/customers/nobody/export", null, PRIVACY, 404),
				new Endpoint("DELETE", "/api/customers/nobody", null, PRIVACY, 404),
				new Endpoint("GET", "/api/customers/export?customerId=no%2Fbody", null, PRIVACY, 404),
				new Endpoint("DELETE", "/api/customers?customerId=no%2Fbody", null, PRIVACY, 404),
				// the API description: anyone signed in, whatever the role
				new Endpoint("GET", "/v3/api-docs", null, SIGNED_IN, 200),
				// public: their own signatures decide (a wrong one is the controller's 403, signed in or not)
				new Endpoint("GET", "/actuator/health", null, EVERYONE, 200),
				new Endpoint("GET", "/unsubscribe?c=c1&sig=AAAA", null, EVERYONE, 403),
				new Endpoint("POST", "/webhooks/twilio/status", null, EVERYONE, 403),
				new Endpoint("POST", "/webhooks/twilio/inbound", null, EVERYONE, 403));
	}

	static Stream<Object[]> cases() {
		List<Object[]> cases = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			for (String caller : List.of("anonymous", "support", "reviewer", "rules", "intake", "metrics", "privacy",
					"admin")) {
				cases.add(new Object[] { endpoint, caller });
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void everyEndpointAnswersEachRoleAsTheTableSays(Endpoint endpoint, String caller) throws Exception {
		HttpResponse<String> response = call(CALLERS.get(caller), endpoint);

		int expected = endpoint.allowed().contains(caller) ? endpoint.answer() : caller.equals("anonymous") ? 401 : 403;
		assertThat(response.statusCode()).as(endpoint + " as " + caller + ": " + response.body()).isEqualTo(expected);
		if (expected == 401) {
			assertThat(response.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"forewarn\"",
					"Basic realm=\"forewarn\", charset=\"UTF-8\"");
		}
		if (endpoint.allowed() == EVERYONE && expected == 403) {
			assertThat(response.body()).as("the controller's own answer").containsPattern("not valid|invalid Twilio");
		}
	}

	/** Console pages, for browsers: what a signed-in role may open; anonymous is sent to the sign-in page. */
	static List<Endpoint> consolePages() {
		Set<String> everyUser = Set.of("support", "reviewer", "rules", "intake", "metrics", "privacy",
			"admin");
		Set<String> figures = Set.of("support", "reviewer", "rules", "admin");
		return List.of(
				new Endpoint("GET", "/login", null, EVERYONE, 200),
				new Endpoint("GET", "/console.css", null, EVERYONE, 200),
				new Endpoint("GET", "/", null, everyUser, 200),
				new Endpoint("GET", "/followups", null, SUPPORT, 200),
				new Endpoint("GET", "/followups?age=3d&problem=churn.risk", null, SUPPORT, 200),
				new Endpoint("POST", "/followups/none/claim", "note=x", SUPPORT, 302),
				new Endpoint("GET", "/review", null, REVIEWER, 200),
				new Endpoint("POST", "/review/none/approve", "note=x", REVIEWER, 302),
				new Endpoint("GET", "/customers/c1", null, SUPPORT, 200),
				new Endpoint("GET", "/customers?id=c1", null, SUPPORT, 302),
				new Endpoint("GET", "/outreach?status=SENT&from=2026-01-01", null, SUPPORT, 200),
				new Endpoint("GET", "/needs-a-person", null, SUPPORT, 200),
				new Endpoint("GET", "/rules", null, RULES, 200),
				new Endpoint("POST", "/rules/reload", "", RULES, 302),
				new Endpoint("GET", "/outcomes", null, figures, 200),
				new Endpoint("GET", "/suppressions", null, SUPPORT, 200),
				new Endpoint("GET", "/suppressions?channel=email&source=bounce&page=1", null, SUPPORT, 200),
				new Endpoint("POST", "/suppressions", "channel=email&address=not-an-address", REVIEWER, 302),
				new Endpoint("POST", "/suppressions/lift", "channel=email&address=nobody@example.com", REVIEWER, 302),
				new Endpoint("POST", "/suppressions/import", "", REVIEWER, 302),
				new Endpoint("GET", "/pauses", null, SUPPORT, 200),
				new Endpoint("POST", "/pauses", "scope=channel&name=", REVIEWER, 302),
				new Endpoint("POST", "/pauses/resume", "scope=rule&name=none", REVIEWER, 302),
				new Endpoint("GET", "/privacy", null, PRIVACY, 200),
				new Endpoint("GET", "/privacy?customer=c1", null, PRIVACY, 200),
				new Endpoint("GET", "/privacy/export?customer=nobody", null, PRIVACY, 302),
				new Endpoint("GET", "/privacy/erase?customer=nobody", null, PRIVACY, 200),
				new Endpoint("POST", "/privacy/erase", "customer=nobody", PRIVACY, 302),
				new Endpoint("GET", "/not-a-page", null, ADMIN, 404));
	}

	static Stream<Object[]> consoleCases() {
		List<Object[]> cases = new ArrayList<>();
		for (Endpoint page : consolePages()) {
			for (String caller : List.of("anonymous", "support", "reviewer", "rules", "intake", "metrics", "privacy",
					"admin")) {
				cases.add(new Object[] { page, caller });
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} in a browser as {1}")
	@MethodSource("consoleCases")
	void everyConsolePageAnswersEachRoleAsTheTableSays(Endpoint page, String caller) throws Exception {
		BrowserSession browser = BROWSERS.computeIfAbsent(caller, BrowserSession::signIn);
		HttpResponse<String> response = browser.call(page.method(), page.path(), page.body());

		boolean allowed = page.allowed().contains(caller);
		if (!allowed && caller.equals("anonymous")) {
			assertThat(response.statusCode()).as(page + " as anonymous").isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
			return;
		}
		assertThat(response.statusCode()).as(page + " as " + caller + ": " + response.body())
			.isEqualTo(allowed ? page.answer() : 403);
	}

	static final Map<String, BrowserSession> BROWSERS = new LinkedHashMap<>();

	/** A browser's session: signed in through the sign-in form (or not at all), with its CSRF token. */
	record BrowserSession(HttpClient client, String base, String csrf) {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		static BrowserSession signIn(String caller) {
			try {
				HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
				String base = "http://localhost:" + app.port();
				BrowserSession anonymous = new BrowserSession(client, base, null).withToken();
				if (caller.equals("anonymous")) {
					return anonymous;
				}
				String password = caller.equals("admin") ? Credentials.ADMIN_PASSWORD : "user-" + caller + "-password-1";
				HttpResponse<String> signedIn = anonymous.call("POST", "/login", "username="
						+ (caller.equals("admin") ? "admin" : "user-" + caller) + "&password=" + password);
				assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
				return anonymous.withToken();
			}
			catch (Exception e) {
				throw new IllegalStateException("could not sign in as " + caller, e);
			}
		}

		/** The session's current CSRF token, read from the sign-in page's form. */
		BrowserSession withToken() throws Exception {
			String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher token = CSRF.matcher(page);
			assertThat(token.find()).as(page).isTrue();
			return new BrowserSession(client, base, token.group(1));
		}

		HttpResponse<String> call(String method, String path, String form) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
			if (method.equals("POST")) {
				String body = (form == null || form.isEmpty() ? "" : form + "&") + "_csrf=" + csrf;
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body));
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	@Test
	void apiTokensSignInWithTheirRolesAndAnUnknownTokenIsRefused() throws Exception {
		HttpResponse<String> created = app.post("/api/tokens", "{\"name\":\"shop\",\"roles\":[\"intake\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		String token = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		assertThat(token).startsWith("fwt_");
		assertThat(app.get("/api/tokens").body()).contains("\"shop\"").doesNotContain(token);

		HttpCaller shop = app.as(Credentials.bearer(token));
		assertThat(shop.post("/api/events", "{\"id\":\"t1\",\"type\":\"order.paid\"}").statusCode()).isEqualTo(400);
		assertThat(shop.get("/api/outreach").statusCode()).isEqualTo(403);

		HttpResponse<String> unknown = app.as(Credentials.bearer("fwt_not-a-token")).get("/api/outreach");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().allValues("WWW-Authenticate")).contains(
				"Bearer realm=\"forewarn\", error=\"invalid_token\"");

		assertThat(app.delete("/api/tokens/shop").statusCode()).isEqualTo(204);
		assertThat(shop.post("/api/events", "{\"id\":\"t2\",\"type\":\"order.paid\"}").statusCode()).isEqualTo(401);
	}

	@Test
	void swaggerUiSendsStrangersToSignInAndShowsItselfToAnyoneSignedIn() throws Exception {
		HttpResponse<String> stranger = app.anonymous().get("/swagger-ui/index.html");
		assertThat(stranger.statusCode()).isEqualTo(302);
		assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
		HttpResponse<String> page = CALLERS.get("intake").get("/swagger-ui/index.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		HttpResponse<String> response = app.as(Credentials.basic("admin", "guess")).get("/api/outreach");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("user name or password is wrong");
	}

	@Test
	void healthShowsDetailsToAdminsOnly() throws Exception {
		String anonymous = app.anonymous().get("/actuator/health").body();
		assertThat(anonymous).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(CALLERS.get("support").get("/actuator/health").body()).doesNotContain("components");
		assertThat(app.get("/actuator/health").body()).contains("\"channels\"");
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedWith415() throws Exception {
		HttpCaller admin = app;
		assertThat(admin.post("/api/events", "text/plain", "{\"id\":\"p1\"}").statusCode()).isEqualTo(415);
		assertThat(admin.post("/api/followups/none/claim", "application/x-www-form-urlencoded", "note=x").statusCode())
			.isEqualTo(415);
		assertThat(admin.post("/api/outreach/none/approve", "multipart/form-data; boundary=x", "--x--").statusCode())
			.isEqualTo(415);
		assertThat(admin.post("/api/events", null, "{\"id\":\"p2\"}").statusCode()).as("a body without a type")
			.isEqualTo(415);
		// JSON with a charset, and a POST without a body, are fine
		assertThat(admin.post("/api/events", "application/json; charset=utf-8", "{\"id\":\"p3\"}").statusCode())
			.isEqualTo(400);
		assertThat(admin.post("/api/rules/reload", null, "").statusCode()).isEqualTo(200);
		// a stranger learns nothing: sign-in comes first
		assertThat(app.anonymous().post("/api/events", "text/plain", "{}").statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> call(HttpCaller caller, Endpoint endpoint) throws Exception {
		return switch (endpoint.method()) {
			case "GET" -> caller.get(endpoint.path());
			case "DELETE" -> caller.delete(endpoint.path());
			default -> endpoint.body() == null ? caller.post(endpoint.path(), null, "")
					: caller.post(endpoint.path(), endpoint.body());
		};
	}
}
