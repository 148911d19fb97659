package org.forewarn.channel;

import java.nio.file.Path;
import java.time.Duration;

import org.forewarn.MigratedH2;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.env.MockEnvironment;

/**
 * Builds ChannelDispatch the way the application does (through ChannelConfiguration), on a real H2 schema; its
 * rendered message store is given as the configuration would make it on H2.
 */
final class ChannelTestSupport {

	private ChannelTestSupport() {
	}

	/** A fresh in-memory H2 with Forewarn's real Flyway migrations, so rendered_message is the production table. */
	static JdbcClient migratedH2() {
		return JdbcClient.create(MigratedH2.dataSource());
	}

	static ChannelSettings settings(Path templates, String from, ChannelSettings.Sms sms) {
		return new ChannelSettings(false, templates.toString(), "en",
				new ChannelSettings.Email(from, SHORT_TIMEOUT, SHORT_TIMEOUT, SHORT_TIMEOUT, 8, Duration.ofSeconds(30),
						100),
				sms);
	}

	static ChannelSettings.Sms noSms() {
		return sms("", "", "", "");
	}

	/** Twilio settings with short timeouts, so a silent stub fails a test quickly. */
	static ChannelSettings.Sms sms(String accountSid, String authToken, String from, String apiBaseUrl) {
		return new ChannelSettings.Sms(accountSid, authToken, from, apiBaseUrl, SHORT_TIMEOUT, SHORT_TIMEOUT);
	}

	static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

	/** mail == null means "no JavaMailSender bean", as when spring.mail.host is not set. */
	static ChannelDispatch dispatch(ChannelSettings settings, JavaMailSender mail, MockEnvironment env,
			JdbcClient jdbc) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (mail != null) {
			beans.registerSingleton("mailSender", mail);
		}
		return new ChannelConfiguration().channelDispatch(settings, beans.getBeanProvider(JavaMailSender.class), env,
				new TableRenderedMessages(jdbc, false),
				beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class), event -> {
				});
	}
}
