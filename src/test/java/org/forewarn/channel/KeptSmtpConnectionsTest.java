package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Emails share kept SMTP connections to a real (in-process) server, counted by a proxy in front of it. */
class KeptSmtpConnectionsTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final Map<String, String> VARIABLES = Map.of("name", "Ada", "orderId", "ORD-1",
			"promisedBy", "12 March 2026", "unsubscribeUrl", "https://shop.test/unsubscribe?c=ada&sig=x");

	@Test
	void emailsOneAfterTheOtherGoOutOverOneConnection() throws Exception {
		try (CountingProxy proxy = new CountingProxy(greenMail.getSmtp().getPort());
				ChannelDispatch dispatch = dispatchTo(proxy.port(), 8)) {
			for (int i = 1; i <= 3; i++) {
				assertThat(dispatch.deliver(message("kept-" + i), Instant.now()).outcome())
					.isEqualTo(DeliveryResult.Outcome.SENT);
			}

			assertThat(messageIds()).hasSize(3).allSatisfy(id -> assertThat(id).startsWith("<kept-"));
			assertThat(proxy.accepted()).isEqualTo(1);
		}
	}

	@Test
	void aConnectionThatCarriedItsShareOfEmailsIsClosedAndANewOneOpened() throws Exception {
		try (CountingProxy proxy = new CountingProxy(greenMail.getSmtp().getPort());
				ChannelDispatch dispatch = dispatchTo(proxy.port(), 8, 2)) {
			for (int i = 1; i <= 5; i++) {
				assertThat(dispatch.deliver(message("share-" + i), Instant.now()).outcome())
					.isEqualTo(DeliveryResult.Outcome.SENT);
			}

			assertThat(messageIds()).hasSize(5);
			assertThat(proxy.accepted()).isEqualTo(3); // 2 + 2 + 1
			await().atMost(Duration.ofSeconds(5)).until(() -> proxy.open() == 1);
		}
	}

	@Test
	void aConnectionTheServerDroppedIsReplacedBeforeTheSendAndTheEmailGoesOutOnce() throws Exception {
		try (CountingProxy proxy = new CountingProxy(greenMail.getSmtp().getPort());
				ChannelDispatch dispatch = dispatchTo(proxy.port(), 8)) {
			dispatch.deliver(message("before-drop"), Instant.now());
			proxy.cutAll(); // as a server closes a client idle too long

			DeliveryResult result = dispatch.deliver(message("after-drop"), Instant.now());

			assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
			assertThat(messageIds()).hasSize(2).anySatisfy(id -> assertThat(id).startsWith("<after-drop."));
			assertThat(proxy.accepted()).isEqualTo(2);
		}
	}

	@Test
	void withNoIdleConnectionsEachEmailOpensAndClosesItsOwn() throws Exception {
		try (CountingProxy proxy = new CountingProxy(greenMail.getSmtp().getPort());
				ChannelDispatch dispatch = dispatchTo(proxy.port(), 0)) {
			dispatch.deliver(message("own-1"), Instant.now());
			dispatch.deliver(message("own-2"), Instant.now());

			assertThat(messageIds()).hasSize(2);
			assertThat(proxy.accepted()).isEqualTo(2);
			await().atMost(Duration.ofSeconds(5)).until(() -> proxy.open() == 0);
		}
	}

	@Test
	void shuttingDownClosesTheKeptConnections() throws Exception {
		try (CountingProxy proxy = new CountingProxy(greenMail.getSmtp().getPort())) {
			ChannelDispatch dispatch = dispatchTo(proxy.port(), 8);
			dispatch.deliver(message("last"), Instant.now());
			assertThat(proxy.open()).isEqualTo(1);

			dispatch.close();

			await().atMost(Duration.ofSeconds(5)).until(() -> proxy.open() == 0);
		}
	}

	@Test
	void settingsOutOfRangeAreRefusedNamingTheSetting() {
		Duration timeout = ChannelTestSupport.SHORT_TIMEOUT;
		Duration keep = Duration.ofSeconds(30);
		assertThatThrownBy(() -> new ChannelSettings.Email("a@shop.test", timeout, timeout, timeout, -1, keep, 100))
			.hasMessageStartingWith("forewarn.channels.email.idle-connections");
		assertThatThrownBy(() -> new ChannelSettings.Email("a@shop.test", timeout, timeout, timeout, 8, Duration.ZERO,
				100)).hasMessageStartingWith("forewarn.channels.email.keep-idle");
		assertThatThrownBy(() -> new ChannelSettings.Email("a@shop.test", timeout, timeout, timeout, 8, keep, 0))
			.hasMessageStartingWith("forewarn.channels.email.messages-per-connection");
	}

	private static ChannelDispatch dispatchTo(int port, int idleConnections) {
		return dispatchTo(port, idleConnections, 100);
	}

	private static ChannelDispatch dispatchTo(int port, int idleConnections, int messagesPerConnection) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("localhost");
		mail.setPort(port);
		MockEnvironment env = new MockEnvironment().withProperty("spring.mail.host", "localhost")
			.withProperty("spring.mail.port", String.valueOf(port));
		Duration timeout = ChannelTestSupport.SHORT_TIMEOUT;
		ChannelSettings settings = new ChannelSettings(false, Path.of("config/templates").toString(), "en",
				new ChannelSettings.Email("Shop <alerts@shop.test>", timeout, timeout, timeout, idleConnections,
						Duration.ofSeconds(30), messagesPerConnection),
				ChannelTestSupport.noSms());
		return ChannelTestSupport.dispatch(settings, mail, env, ChannelTestSupport.migratedH2());
	}

	private static OutgoingMessage message(String outreachId) {
		return new OutgoingMessage(outreachId, "email", "shipment_late", "ada@example.com", Locale.ENGLISH, VARIABLES);
	}

	private static java.util.List<String> messageIds() {
		return Arrays.stream(greenMail.getReceivedMessages()).map(KeptSmtpConnectionsTest::messageId).toList();
	}

	private static String messageId(MimeMessage mail) {
		try {
			return mail.getMessageID();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
