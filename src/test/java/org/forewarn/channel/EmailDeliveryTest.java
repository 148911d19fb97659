package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Email goes through the real Spring JavaMailSender to a real (in-process) SMTP server. */
class EmailDeliveryTest {

	// dynamicPort: a free port per run, so parallel builds on one machine do not collide
	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	// the real operator templates: the test proves the shipped shipment_late text + html render and arrive
	private static final Path TEMPLATES = Path.of("config/templates");

	private static final Map<String, String> VARIABLES = Map.of("name", "Ada Lovelace", "orderId", "ORD-4711",
			"promisedBy", "12 March 2026", "unsubscribeUrl", "https://shop.test/unsubscribe?c=ada&sig=x");

	@Test
	void shipmentLateEmailArrivesWithRenderedTextAndHtml() throws Exception {
		int port = greenMail.getSmtp().getPort();
		ChannelDispatch dispatch = dispatchTo(port);

		DeliveryResult result = dispatch.deliver(message("out-1", "ada@example.com"), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
		assertThat(result.reason()).isEqualTo("accepted by localhost:" + port);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
			.containsExactly("ada@example.com");
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("alerts@shop.test");
		assertThat(from.getPersonal()).isEqualTo("Shop Alerts");
		assertThat(mail.getSubject()).isEqualTo("Your order ORD-4711 may arrive after 12 March 2026");

		Map<String, String> parts = new HashMap<>();
		collectTextParts(mail, parts);
		assertThat(parts.get("text/plain")).startsWith("Hello Ada Lovelace,")
			.contains("we promised your order ORD-4711 for 12 March 2026")
			.doesNotContain("{{")
			.doesNotContain("Subject:");
		assertThat(parts.get("text/html")).contains("<p>Hello Ada Lovelace,</p>")
			.contains("<strong>ORD-4711</strong>")
			.contains("<strong>12 March 2026</strong>")
			.doesNotContain("{{");

		// the copy kept for people to read is what was sent, and it is marked as really sent
		StoredMessage stored = dispatch.message("out-1").orElseThrow();
		assertThat(stored.recorded()).isFalse();
		assertThat(stored.recipient()).isEqualTo("ada@example.com");
		assertThat(stored.subject()).isEqualTo(mail.getSubject());
		assertThat(stored.body()).isEqualTo(parts.get("text/plain").replace("\r\n", "\n"));
	}

	@Test
	void smtpServerDownIsATransientFailureNamingSmtp() throws Exception {
		int deadPort = freePortWithNothingListening();
		ChannelDispatch dispatch = dispatchTo(deadPort);

		// must not throw: the dispatcher retries it later with backoff
		DeliveryResult result = dispatch.deliver(message("out-2", "ada@example.com"), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
		assertThat(result.code()).isEqualTo("connection");
		assertThat(result.reason()).startsWith("SMTP localhost:" + deadPort + ": ");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		// nothing went out, so nothing is kept as "what was said"
		assertThat(dispatch.message("out-2")).isEmpty();
	}

	/** Wires the sender exactly as ChannelConfiguration does when spring.mail.host/port are set. */
	private static ChannelDispatch dispatchTo(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("localhost");
		mail.setPort(port);
		// short timeouts: a broken server must fail the test quickly, not hang it
		mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		MockEnvironment env = new MockEnvironment().withProperty("spring.mail.host", "localhost")
			.withProperty("spring.mail.port", String.valueOf(port));
		ChannelSettings settings = ChannelTestSupport.settings(TEMPLATES, "Shop Alerts <alerts@shop.test>",
				ChannelTestSupport.noSms());
		ChannelDispatch dispatch = ChannelTestSupport.dispatch(settings, mail, env, ChannelTestSupport.migratedH2());
		assertThat(dispatch.modes()).containsEntry("email", "SMTP localhost:" + port);
		return dispatch;
	}

	private static OutgoingMessage message(String outreachId, String to) {
		return new OutgoingMessage(outreachId, "email", "shipment_late", to, Locale.ENGLISH, VARIABLES);
	}

	private static void collectTextParts(Part part, Map<String, String> out) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collectTextParts(multipart.getBodyPart(i), out);
			}
		}
		else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
			out.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", (String) part.getContent());
		}
	}

	private static int freePortWithNothingListening() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
