package org.forewarn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.UnsubscribeLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The unsubscribe link (caps off, so consent alone decides whether an email goes out): opening it (what a mail scanner does) only asks; the page's button or the mail client's
 * one-click POST turns email consent off; a forged signature is refused either way.
 */
class UnsubscribeTest {

	private static final String PUBLIC_URL = "http://forewarn.test";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static SimulatedForewarn app;

	@BeforeAll
	static void start() {
		app = SimulatedForewarn.start(Instant.parse("2026-03-02T14:00:00Z"),
				"--forewarn.rules=src/test/resources/guardrail-rules", "--spring.mail.host=localhost",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(), "--forewarn.links.public-url=" + PUBLIC_URL,
				"--forewarn.links.secret=test-secret", "--forewarn.guardrails.caps.enabled=false");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void openingTheLinkChangesNothingAndTheButtonUnsubscribes() throws Exception {
		URI link = linkFromAnEmailTo("open-1");

		HttpResponse<String> page = app.anonymous().get(pathAndQuery(link));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("default-src 'none'", "form-action 'self'"));
		assertThat(page.body()).contains("<form method=\"post\" action=\"unsubscribe\">",
				"<input type=\"hidden\" name=\"c\" value=\"open-1\">", "<button type=\"submit\">Unsubscribe</button>")
			.doesNotContain("You are unsubscribed");
		String sig = link.getRawQuery().replaceAll(".*sig=", "");
		assertThat(page.body()).contains("<input type=\"hidden\" name=\"sig\" value=\"" + sig + "\">");
		assertThat(consentEvents("open-1")).isZero();
		assertThat(emailFor("open-1", "open-1-b")).startsWith("SENT");

		// what the page's button sends
		HttpResponse<String> confirmed = app.anonymous().postForm("/unsubscribe", Map.of("c", "open-1", "sig", sig), Map.of());

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("You are unsubscribed");
		assertThat(consentEvents("open-1")).isEqualTo(1);
		assertThat(emailFor("open-1", "open-1-c")).isEqualTo("SUPPRESSED: no email consent");
	}

	@Test
	void oneClickFromTheMailClientUnsubscribes() throws Exception {
		URI link = linkFromAnEmailTo("click-1");

		// RFC 8058: the client posts this body to the URL of the List-Unsubscribe header
		HttpResponse<String> oneClick = app.anonymous().postForm(pathAndQuery(link), Map.of("List-Unsubscribe", "One-Click"),
				Map.of());

		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(consentEvents("click-1")).isEqualTo(1);
		assertThat(emailFor("click-1", "click-1-b")).isEqualTo("SUPPRESSED: no email consent");
	}

	@Test
	void aForgedSignatureIsRefusedOnBothAndChangesNothing() throws Exception {
		URI link = linkFromAnEmailTo("forged-1");
		String forged = pathAndQuery(link).replace("c=forged-1", "c=someone-else");
		String otherSig = pathAndQuery(link).replaceAll("sig=.*", "sig=AAAA");

		assertThat(app.anonymous().get(forged).statusCode()).isEqualTo(403);
		assertThat(app.anonymous().get(otherSig).statusCode()).isEqualTo(403);
		assertThat(app.anonymous().get("/unsubscribe").statusCode()).isEqualTo(403);
		assertThat(app.anonymous().postForm(forged, Map.of("List-Unsubscribe", "One-Click"), Map.of()).statusCode())
			.isEqualTo(403);
		HttpResponse<String> post = app.anonymous().postForm("/unsubscribe", Map.of("c", "forged-1", "sig", "AAAA"), Map.of());
		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(post.body()).contains("not valid");

		assertThat(consentEvents("forged-1")).isZero();
		assertThat(consentEvents("someone-else")).isZero();
		assertThat(emailFor("forged-1", "forged-1-b")).startsWith("SENT");
	}

	@Test
	void whatThePageEchoesIsEscaped() throws Exception {
		String id = "x\"><script>alert(1)</script>";
		String url = app.bean(UnsubscribeLinks.class).url(id);

		HttpResponse<String> page = app.anonymous().get(pathAndQuery(URI.create(url)));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
			.doesNotContain("<script>");
	}

	/** A customer with email consent gets one email; its List-Unsubscribe header holds the link. */
	private static URI linkFromAnEmailTo(String customerId) throws Exception {
		Instant now = app.now();
		app.feed(TestEvents.customer(customerId, now, "UTC", "en", true, false));
		greenMail.purgeEmailFromAllMailboxes();
		assertThat(emailFor(customerId, customerId + "-a")).startsWith("SENT");
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		String header = received[0].getHeader("List-Unsubscribe")[0];
		assertThat(header).startsWith("<" + PUBLIC_URL + "/unsubscribe?c="
				+ URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "&sig=");
		return URI.create(header.substring(1, header.length() - 1));
	}

	/** What became of an email about a new order, decided now: its status and why. */
	private static String emailFor(String customerId, String orderId) {
		app.feed(TestEvents.order(customerId, orderId, app.now(), "email", app.now().plus(Duration.ofDays(5))));
		Outreach email = app.outreach(customerId).stream().filter(o -> orderId.equals(o.orderId())).findFirst()
			.orElseThrow();
		return email.status() + (email.statusReason() == null ? "" : ": " + email.statusReason());
	}

	/** How many consent changes by unsubscribe link the customer's timeline shows. */
	private static int consentEvents(String customerId) throws Exception {
		String timeline = app.get("/api/customers/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8)
				+ "/timeline").body();
		return timeline.split("unsubscribe link", -1).length - 1;
	}

	private static String pathAndQuery(URI url) {
		return url.getRawPath() + "?" + url.getRawQuery();
	}
}
