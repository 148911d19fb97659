package org.forewarn.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console session lasts only as long as the account it signed in as: removing the user or changing their password
 * ends it at its next request; other users' sessions go on.
 */
class SessionEndsTest {

	@TempDir
	Path data;

	@Test
	void removingAUserOrChangingTheirPasswordEndsTheirConsoleSessions() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			HttpCaller admin = app.as(Credentials.ADMIN);
			String base = "http://localhost:" + app.port();
			for (String user : new String[] { "lea", "max", "ana" }) {
				assertThat(admin.post("/api/users", "{\"name\":\"" + user + "\",\"password\":\"" + user
						+ "-long-password\",\"roles\":[\"reviewer\"]}").statusCode()).isEqualTo(201);
			}
			HttpClient lea = signedIn(base, "lea");
			HttpClient max = signedIn(base, "max");
			HttpClient ana = signedIn(base, "ana");
			assertThat(page(lea, base + "/review").statusCode()).isEqualTo(200);

			assertThat(admin.delete("/api/users/lea").statusCode()).isEqualTo(204);
			assertThat(admin.post("/api/users/max/password", "{\"new\":\"max-new-long-password\"}").statusCode())
				.isEqualTo(204);

			for (HttpClient ended : new HttpClient[] { lea, max }) {
				HttpResponse<String> review = page(ended, base + "/review");
				assertThat(review.statusCode()).isEqualTo(302);
				assertThat(review.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
				assertThat(page(ended, base + "/review").headers().firstValue("Location").orElseThrow())
					.as("the session is gone, not only refused once").endsWith("/login");
			}
			assertThat(page(ended(base), base + "/login?ended").body()).contains("Your session ended");
			assertThat(page(ana, base + "/review").statusCode()).as("another user's session goes on").isEqualTo(200);
			assertThat(page(signedIn(base, "max", "max-new-long-password"), base + "/review").statusCode())
				.isEqualTo(200);
		}
	}

	private static HttpClient ended(String base) {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private static HttpClient signedIn(String base, String user) throws Exception {
		return signedIn(base, user, user + "-long-password");
	}

	private static HttpClient signedIn(String base, String user, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page(browser, base + "/login")
			.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
					+ csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return browser;
	}

	private static HttpResponse<String> page(HttpClient browser, String uri) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}
}
