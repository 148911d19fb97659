package org.forewarn.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The first admin, the user and token commands, and the browser's sign-in with CSRF protection. */
class SignInTest {

	@TempDir
	Path data;

	@Test
	void withoutASetPasswordTheFirstStartWritesAGeneratedOneForTheOwnerOnly() throws Exception {
		Path file = data.resolve("initial-admin-password");
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.security.initial-admin-password=")) {
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			String password = Files.readString(file).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			assertThat(app.as(Credentials.basic("admin", password)).get("/api/users").body()).contains(
					"\"name\":\"admin\"", "\"support\"", "\"reviewer\"", "\"rules\"", "\"intake\"", "\"admin\"");
			assertThat(app.get("/api/users").statusCode()).as("the test default password was not used")
				.isEqualTo(401);
		}
		Files.delete(file);
		try (ForewarnApp again = ForewarnApp.start(data, "--forewarn.security.initial-admin-password=")) {
			assertThat(file).as("a user exists: nothing is generated again").doesNotExist();
		}
	}

	@Test
	void usersAndTokensMadeByTheCommandsSignIn() throws Exception {
		String db = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("forewarn").toAbsolutePath();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(command("user", new String[] { "add", "lea", "--roles", "support,reviewer", db },
				"lea-has-a-long-password\n", out, err)).as(err.toString()).isZero();
		assertThat(command("user", new String[] { "add", "max", "--roles", "support", db }, "short\n", out, err))
			.isEqualTo(1);
		assertThat(err.toString()).contains("password: at least 12 characters");
		assertThat(command("user", new String[] { "add", "max", "--roles", "boss", db }, "x\n", out, err))
			.isEqualTo(1);
		assertThat(err.toString()).contains("unknown role 'boss'; one of support, reviewer, rules, intake, metrics, privacy, admin");
		out.reset();
		assertThat(command("token", new String[] { "create", "shop", "--roles", "intake", db }, "", out, err))
			.isZero();
		String token = out.toString().strip();
		assertThat(token).startsWith("fwt_");

		try (ForewarnApp app = ForewarnApp.start(data)) {
			assertThat(app.get("/api/outreach").statusCode()).as("users existed: no admin was created")
				.isEqualTo(401);
			assertThat(app.as(Credentials.basic("lea", "lea-has-a-long-password")).get("/api/outreach").statusCode())
				.isEqualTo(200);
			assertThat(app.as(Credentials.bearer(token)).post("/api/events", "[]").statusCode()).isEqualTo(200);
			assertThat(app.as(Credentials.bearer(token)).get("/api/outreach").statusCode()).isEqualTo(403);
		}
	}

	@Test
	void theBrowserSignsInWithAFormAndEveryChangeNeedsTheCsrfToken() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String base = "http://localhost:" + app.port();

			HttpResponse<String> home = browser.send(get(base + "/"), HttpResponse.BodyHandlers.ofString());
			assertThat(home.statusCode()).isEqualTo(302);
			assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

			String form = "username=admin&password=" + Credentials.ADMIN_PASSWORD;
			assertThat(browser.send(post(base + "/login", form), HttpResponse.BodyHandlers.ofString()).statusCode())
				.as("no CSRF token").isEqualTo(403);

			String page = browser.send(get(base + "/login"), HttpResponse.BodyHandlers.ofString()).body();
			Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
			assertThat(csrf.find()).as(page).isTrue();
			HttpResponse<String> signedIn = browser.send(post(base + "/login", form + "&_csrf=" + csrf.group(1)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

			assertThat(browser.send(get(base + "/"), HttpResponse.BodyHandlers.ofString()).statusCode())
				.as("signed in: no redirect to the sign-in page").isNotEqualTo(302);
			HttpResponse<String> error = browser.send(get(base + "/error"), HttpResponse.BodyHandlers.ofString());
			assertThat(error.statusCode()).as("the error path asked for directly, even by an admin").isEqualTo(403);
			assertThat(error.body()).doesNotContain("999");
			assertThat(browser.send(post(base + "/logout", ""), HttpResponse.BodyHandlers.ofString()).statusCode())
				.as("sign-out without the CSRF token").isEqualTo(403);
			// the session is the browser's: it does not sign in API calls, which a page elsewhere could make
			assertThat(browser.send(get(base + "/api/outreach"), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(401);
		}
	}

	private static HttpRequest get(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).GET().build();
	}

	private static HttpRequest post(String uri, String form) {
		return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build();
	}

	private static int command(String kind, String[] args, String stdin, ByteArrayOutputStream out,
			ByteArrayOutputStream err) {
		return AccountCommand.run(kind, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}
}
