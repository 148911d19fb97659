package org.forewarn.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import oidcprovider.TestAuthorizationServer;
import oidcprovider.TestAuthorizationServer.TestUser;
import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect sign-in against a real authorization server (Spring Authorization Server, started here): a browser
 * (plain HTTP, following redirects, with a cookie jar) signs in at the provider and comes back to Forewarn with the
 * roles of its {@code roles} claim; without a Forewarn role it is signed in and may do nothing.
 */
class SingleSignOnTest {

	private static final String HTML = "text/html,application/xhtml+xml";

	@TempDir
	static Path data;

	static ConfigurableApplicationContext provider;
	static ForewarnApp app;
	static int port;

	@BeforeAll
	static void start() throws IOException {
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		provider = TestAuthorizationServer.start("http://localhost:" + port + "/login/oauth2/code/sso", List.of(
				new TestUser("lea", "lea-sso-password", List.of("Reviewer", "coffee-maker")),
				new TestUser("nora", "nora-sso-password", List.of()),
				new TestUser("otto", "otto-sso-password", List.of("nothing-forewarn-knows"))));
		// the provider at 127.0.0.1, Forewarn at localhost: each keeps its own session cookie
		String issuer = "http://127.0.0.1:" + TestAuthorizationServer.port(provider);
		String sso = "--spring.security.oauth2.client.registration.sso.";
		app = ForewarnApp.start(data, "--server.port=" + port, "--forewarn.rules-watch.enabled=false",
				sso + "client-id=forewarn", sso + "client-secret=forewarn-secret", sso + "scope=openid,profile",
				"--spring.security.oauth2.client.provider.sso.issuer-uri=" + issuer);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void aUserSignsInAtTheProviderAndGetsTheRolesOfTheClaim() throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> back = signIn(browser, "lea", "lea-sso-password");
		assertThat(back.uri().toString()).as(back.body()).startsWith("http://localhost:" + port);

		HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me"))
			.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		// "Reviewer" in any case is the reviewer role; "coffee-maker" means nothing to Forewarn
		assertThat(me.body()).contains("\"name\":\"lea\"").contains("\"roles\":[\"reviewer\"]");
		assertThat(app.get("/api/users").body()).as("no local account is made").doesNotContain("lea");
	}

	@Test
	void aUserWithoutAForewarnRoleIsSignedInButMayDoNothing() throws Exception {
		for (String name : List.of("nora", "otto")) {
			HttpClient browser = browser();
			signIn(browser, name, name + "-sso-password");

			HttpResponse<String> me = browser.send(get("http://localhost:" + port + "/me"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).as(name + " is signed in (no redirect to sign in), without a role")
				.isEqualTo(403);
		}
	}

	@Test
	void aWrongPasswordAtTheProviderSignsNobodyIn() throws Exception {
		HttpClient browser = browser();
		signIn(browser, "lea", "not-her-password");

		HttpResponse<String> me = HttpClient.newBuilder().cookieHandler(browser.cookieHandler().orElseThrow()).build()
			.send(get("http://localhost:" + port + "/me"), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(302);
		assertThat(me.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	/** Starts Forewarn's sign-in with the provider, fills in the provider's form, follows every redirect. */
	private static HttpResponse<String> signIn(HttpClient browser, String user, String password) throws Exception {
		HttpResponse<String> loginPage = browser.send(get("http://localhost:" + port + "/oauth2/authorization/sso"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loginPage.uri().getPort()).as("at the provider's sign-in page")
			.isEqualTo(TestAuthorizationServer.port(provider));
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as(loginPage.statusCode() + " " + loginPage.uri() + " " + loginPage.body()).isTrue();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		URI login = loginPage.uri().resolve("/login");
		return browser.send(HttpRequest.newBuilder(login).header("Accept", HTML)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	private static HttpRequest get(String uri) {
		// as a browser asks: the provider sends only browsers (HTML) to its sign-in page
		return HttpRequest.newBuilder(URI.create(uri)).header("Accept", HTML).GET().build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
