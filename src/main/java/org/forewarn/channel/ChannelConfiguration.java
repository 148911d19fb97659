package org.forewarn.channel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.twilio.http.TwilioRestClient;

/** Chooses a real or recording sender per channel from what is configured, and says which in the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelSettings.class)
class ChannelConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ChannelConfiguration.class);

	@Bean
	ChannelDispatch channelDispatch(ChannelSettings settings, ObjectProvider<JavaMailSender> mail, Environment env,
			JdbcClient jdbc, ObjectProvider<MeterRegistry> meters) {
		List<Sender> senders = List.of(email(settings, mail.getIfAvailable(), env), sms(settings, env),
				new TaskSender());
		senders.forEach(s -> log.info("Channel {}: {}", s.channel(), s.mode()));
		Locale fallbackLocale = Locale.forLanguageTag(settings.fallbackLocale());
		return new ChannelDispatch(senders, new TemplateRenderer(Path.of(settings.templates()), fallbackLocale),
				new RenderedMessageStore(jdbc), meters.getIfAvailable(CompositeMeterRegistry::new));
	}

	private static Sender email(ChannelSettings settings, JavaMailSender mail, Environment env) {
		if (settings.recordOnly()) {
			return new RecordingSender("email", "forewarn.channels.record-only is on");
		}
		if (mail == null) {
			return new RecordingSender("email", "no SMTP server configured: set spring.mail.host");
		}
		if (!(mail instanceof JavaMailSenderImpl impl)) {
			throw new IllegalStateException("The JavaMailSender bean is a " + mail.getClass().getName()
					+ "; Forewarn sends through Spring Boot's own (JavaMailSenderImpl), configured with spring.mail.*");
		}
		String server = env.getProperty("spring.mail.host") + ":" + env.getProperty("spring.mail.port", "25");
		String protocol = impl.getProtocol() != null ? impl.getProtocol()
				: impl.getSession().getProperty("mail.transport.protocol");
		protocol = protocol == null ? "smtp" : protocol;
		if (!protocol.equals("smtp") && !protocol.equals("smtps")) {
			throw new IllegalStateException("spring.mail.protocol: '" + protocol + "' is not supported; use smtp or "
					+ "smtps (smtp with spring.mail.properties.mail.smtp.starttls.enable=true for STARTTLS)");
		}
		log.info("SMTP timeouts: {} (spring.mail.properties.mail.{}.* wins over forewarn.channels.email.*)",
				SmtpTimeouts.apply(impl.getSession().getProperties(), settings.email(), protocol), protocol);
		return new EmailSender(impl, protocol, settings.email().from(), server);
	}

	private static Sender sms(ChannelSettings settings, Environment env) {
		ChannelSettings.Sms sms = settings.sms();
		if (settings.recordOnly()) {
			return new RecordingSender("sms", "forewarn.channels.record-only is on");
		}
		if (!sms.configured()) {
			return new RecordingSender("sms",
					"Twilio not configured: set forewarn.channels.sms.account-sid and auth-token");
		}
		TwilioRestClient.Builder client = new TwilioRestClient.Builder(sms.accountSid(), sms.authToken());
		client.httpClient(sms.apiBaseUrl() != null && !sms.apiBaseUrl().isBlank()
				? new TwilioEndpointClient(sms.apiBaseUrl(), sms.connectTimeout(), sms.readTimeout())
				: new SingleAttemptHttpClient(sms.connectTimeout(), sms.readTimeout()));
		// Twilio reports delivery to the status webhook; its address is built on forewarn.links.public-url
		String publicUrl = env.getProperty("forewarn.links.public-url", "http://localhost:8080");
		return new SmsSender(client.build(), sms.fromNumber(),
				publicUrl.replaceAll("/+$", "") + "/webhooks/twilio/status");
	}
}
