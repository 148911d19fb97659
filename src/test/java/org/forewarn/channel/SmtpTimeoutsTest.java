package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** The SMTP timeouts of forewarn.channels.email reach the mail session, unless spring.mail.properties set them. */
class SmtpTimeoutsTest {

	@Test
	void settingsFillWhatTheOperatorLeftOpenForSmtpAndSmtps() {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("localhost");
		mail.setPort(2525);
		// as spring.mail.properties.mail.smtp.timeout=60000 would set it
		mail.getJavaMailProperties().setProperty("mail.smtp.timeout", "60000");

		ChannelTestSupport.dispatch(ChannelTestSupport.settings(Path.of("config/templates"), "x <x@shop.test>",
				ChannelTestSupport.noSms()), mail, new MockEnvironment().withProperty("spring.mail.host", "localhost"),
				ChannelTestSupport.migratedH2());

		Properties session = mail.getSession().getProperties();
		long configured = ChannelTestSupport.SHORT_TIMEOUT.toMillis();
		assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("60000");
		assertThat(session.getProperty("mail.smtp.connectiontimeout")).isEqualTo(String.valueOf(configured));
		assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo(String.valueOf(configured));
		assertThat(session.getProperty("mail.smtps.timeout")).isEqualTo(String.valueOf(configured));
		assertThat(session.getProperty("mail.smtps.connectiontimeout")).isEqualTo(String.valueOf(configured));
		assertThat(session.getProperty("mail.smtps.writetimeout")).isEqualTo(String.valueOf(configured));
	}

	@Test
	void aZeroTimeoutIsRefusedNamingTheSetting() {
		ChannelSettings.Email waitsForever = new ChannelSettings.Email("x <x@shop.test>", Duration.ofSeconds(5),
				Duration.ZERO, Duration.ofSeconds(5), 8, Duration.ofSeconds(30), 100);

		assertThatThrownBy(() -> SmtpTimeouts.apply(new Properties(), waitsForever, "smtp"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("forewarn.channels.email.read-timeout: 'PT0S' is not a timeout");
	}
}
