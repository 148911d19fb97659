package org.forewarn.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords is slowed down per user name and address: after five failures in a row the pair waits, longer
 * after each further failure; a success clears it, and other addresses and names are not held back.
 */
class SignInThrottleTest {

	@TempDir
	Path data;

	private Instant now = Instant.parse("2026-03-02T12:00:00Z");
	private final SignInThrottle throttle = new SignInThrottle(new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void afterFiveFailuresThePairWaitsLongerEachTimeUntilASuccess() {
		assertThat(throttle.attempt("lea", "10.0.0.1")).as("never failed: the try is counted as let through")
			.isZero();
		throttle.failed(failure("lea", "10.0.0.1"));
		for (int i = 2; i <= SignInThrottle.FREE_FAILURES; i++) {
			assertThat(throttle.attempt("lea", "10.0.0.1")).as("try " + i).isZero();
		}
		assertThat(throttle.attempt("lea", "10.0.0.1")).isEqualTo(Duration.ofSeconds(30));
		assertThat(throttle.attempt(" lea ", "10.0.0.1")).as("the name as signing in strips it")
			.isEqualTo(Duration.ofSeconds(30));
		assertThat(throttle.attempt("lea", "10.0.0.2")).as("another address").isZero();
		assertThat(throttle.attempt("max", "10.0.0.1")).as("another name").isZero();

		now = now.plusSeconds(30);
		assertThat(throttle.attempt("lea", "10.0.0.1")).as("one try once the wait is over").isZero();
		assertThat(throttle.attempt("lea", "10.0.0.1")).as("and not two at once").isEqualTo(Duration.ofMinutes(1));
		for (int i = 0; i < 10; i++) {
			now = now.plus(SignInThrottle.LONGEST_WAIT);
			throttle.attempt("lea", "10.0.0.1");
		}
		assertThat(throttle.attempt("lea", "10.0.0.1")).isEqualTo(SignInThrottle.LONGEST_WAIT);

		throttle.succeeded(new AuthenticationSuccessEvent(token("lea", "10.0.0.1")));
		assertThat(throttle.attempt("lea", "10.0.0.1")).isZero();
	}

	@Test
	void triesSentAtTheSameMomentGetFiveThroughWhetherOrNotThePairFailedBefore() {
		int through = 0;
		for (int i = 0; i < 30; i++) {
			through += throttle.attempt("lea", "10.0.0.1").isZero() ? 1 : 0;
		}
		assertThat(through).as("30 tries at once, none answered yet").isEqualTo(SignInThrottle.FREE_FAILURES);

		throttle.succeeded(new AuthenticationSuccessEvent(token("max", "10.0.0.1")));
		for (int i = 0; i < 30; i++) {
			assertThat(throttle.attempt("max", "10.0.0.1")).as("a script that signed in, calling in parallel").isZero();
		}
		throttle.failed(failure("max", "10.0.0.1"));
		through = 0;
		for (int i = 0; i < 30; i++) {
			through += throttle.attempt("max", "10.0.0.1").isZero() ? 1 : 0;
		}
		assertThat(through).as("once it failed, its tries are counted again")
			.isEqualTo(SignInThrottle.FREE_FAILURES - 1);
	}

	@Test
	void everySpellingThatSignsInAsTheUserIsHeldBackWithIt() {
		throttle.failed(failure("lea", "10.0.0.1"));
		for (int i = 2; i <= SignInThrottle.FREE_FAILURES; i++) {
			throttle.attempt("\u0001lea", "10.0.0.1");
		}
		for (String spelling : new String[] { "lea", "\u0001lea", "\u0000\u001blea\u0008", " lea\t" }) {
			assertThat(throttle.attempt(spelling, "10.0.0.1")).as("the form signs '%s' in as lea", spelling)
				.isPositive();
		}
		assertThat(throttle.attempt("\u3000lea", "10.0.0.1")).as("a name the form does not trim is another user")
			.isZero();
	}

	@Test
	void theConsolesSessionStaysOnItsSiteAndItsAddressesToo() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

			HttpResponse<String> signIn = send(browser,
					HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/login")).GET());

			assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(
					cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax"));
			assertThat(signIn.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(
					policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
		}
	}

	@Test
	void basicAndTheSignInFormAreHeldBackBeforeThePasswordIsChecked() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
				assertThat(app.as(Credentials.basic("admin", "wrong")).get("/followups").statusCode())
					.as("the console checks no Basic header: not counted").isNotEqualTo(429);
			}
			for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
				assertThat(app.as(Credentials.basic("admin", "wrong-" + i)).get("/api/users").statusCode())
					.isEqualTo(401);
			}
			HttpResponse<String> held = app.as(Credentials.ADMIN).get("/api/users");
			assertThat(held.statusCode()).as("the right password waits too").isEqualTo(429);
			assertThat(held.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(held.body()).contains("too many failed sign-ins for 'admin' from this address");

			String base = "http://localhost:" + app.port();
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
				.matcher(send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body());
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> form = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=admin%20&password=" + Credentials.ADMIN_PASSWORD
						+ "&_csrf=" + csrf.group(1))));
			assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?wait=30");
			assertThat(send(browser, HttpRequest.newBuilder(URI.create(base + "/login?wait=30")).GET()).body())
				.contains("Too many failed sign-ins for this user from here");
			for (String wait : new String[] { "0", "-30", "30.5", "0%20seconds.%20Forewarn%20has%20moved:%20sign%20in%20at"
					+ "%20https://evil.example%20instead." }) {
				String page = send(browser, HttpRequest.newBuilder(URI.create(base + "/login?wait=" + wait)).GET()).body();
				assertThat(page).as("wait=" + wait + " is no number of seconds: not shown")
					.doesNotContain("sign-in-wait", "evil.example", "30.5", "-30");
			}
		}
	}

	private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static AuthenticationFailureBadCredentialsEvent failure(String name, String address) {
		return new AuthenticationFailureBadCredentialsEvent(token(name, address), new BadCredentialsException("no"));
	}

	private static UsernamePasswordAuthenticationToken token(String name, String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, "x");
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}
}
