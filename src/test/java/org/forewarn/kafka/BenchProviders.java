package org.forewarn.kafka;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;

import org.forewarn.TwilioStub;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The providers of {@link KafkaBenchmark}: a GreenMail SMTP server and a Twilio stub that accepts each SMS after a
 * fixed delay, with the default rules changed so that a hard payment decline is texted (falling back to email
 * without SMS consent), and the settings that aim Forewarn at them.
 */
final class BenchProviders implements AutoCloseable {

	private static final String HARD_DECLINE_EMAILED = "\"email\", \"payment_failed_hard\" );";

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	private final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());

	BenchProviders(int twilioMillis) {
		smtp.start();
		twilio.start();
		twilio.stubFor(post(urlEqualTo(TwilioStub.MESSAGES))
			.willReturn(TwilioStub.created("SM0123456789abcdef0123456789abcdef").withFixedDelay(twilioMillis)));
		twilio.stubFor(get(urlEqualTo(TwilioStub.ACCOUNT)).willReturn(TwilioStub.activeAccount())); // its health check
	}

	int smtpPort() {
		return smtp.getSmtp().getPort();
	}

	/**
	 * SMS through the stub, the rules that text hard declines, and no SMS quiet hours, hourly ceiling or send rates:
	 * the figures must not depend on the hour the bench runs at, and the brake would hold a peak on purpose.
	 */
	List<String> settings() throws IOException {
		List<String> settings = new ArrayList<>(List.of(TwilioStub.settings(twilio.baseUrl())));
		settings.addAll(List.of("--forewarn.rules=" + rulesTextingHardDeclines(),
				"--forewarn.guardrails.quiet-hours.sms=", "--forewarn.brake.hourly-ceiling=0",
				"--forewarn.brake.rate.email=0", "--forewarn.brake.rate.sms=0"));
		return settings;
	}

	int smsAccepted() {
		return twilio.findAll(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES))).size();
	}

	int emailsReceived() {
		return smtp.getReceivedMessages().length;
	}

	/** When the Twilio stub answered an SMS to the number, for each number: the stub's own log, in order. */
	Map<String, List<Instant>> smsAnswered() {
		Map<String, List<Instant>> answered = new HashMap<>();
		for (ServeEvent served : twilio.getAllServeEvents()) {
			if (served.getRequest().getUrl().equals(TwilioStub.MESSAGES)) {
				Integer took = served.getTiming().getTotalTime();
				answered.computeIfAbsent(served.getRequest().formParameter("To").firstValue(), to -> new ArrayList<>())
					.add(served.getRequest().getLoggedDate().toInstant().plusMillis(took == null ? 0 : took));
			}
		}
		answered.values().forEach(Collections::sort);
		return answered;
	}

	/** When the SMTP server took each email, by its Message-ID. */
	Map<String, Instant> emailsTaken() throws MessagingException {
		Map<String, Instant> taken = new HashMap<>();
		for (StoredMessage message : smtp.getManagers().getImapHostManager().getAllMessages()) {
			taken.put(message.getMimeMessage().getMessageID(), message.getReceivedDate().toInstant());
		}
		return taken;
	}

	private static Path rulesTextingHardDeclines() throws IOException {
		Path folder = Files.createTempDirectory("forewarn-bench-rules");
		try (Stream<Path> files = Files.list(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
		}
		Path orders = folder.resolve("orders.drl");
		String drl = Files.readString(orders);
		if (!drl.contains(HARD_DECLINE_EMAILED)) {
			throw new IllegalStateException("rules/orders.drl no longer has " + HARD_DECLINE_EMAILED
					+ ": the bench cannot make hard declines go by SMS");
		}
		Files.writeString(orders,
				drl.replace(HARD_DECLINE_EMAILED, "\"sms\", \"payment_failed_hard\" ).fallback( \"email\" );"));
		return folder;
	}

	@Override
	public void close() {
		twilio.stop();
		smtp.stop();
	}
}
