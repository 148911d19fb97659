package org.forewarn.channel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.forewarn.shared.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import jakarta.mail.MessagingException;

/** Chooses a real or recording sender per channel from what is configured, and says which in the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ChannelSettings.class, ProviderHealthSettings.class })
class ChannelConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ChannelConfiguration.class);

	/** Kept where the outreach records are: in memory with a replay's ({@code forewarn.outreach-store.in-memory}). */
	@Bean
	RenderedMessageStore renderedMessageStore(JdbcClient jdbc, DatabaseKind database, Environment env) {
		return env.getProperty("forewarn.outreach-store.in-memory", Boolean.class, false)
				? new MemoryRenderedMessages() : new TableRenderedMessages(jdbc, database.postgres());
	}

	@Bean(destroyMethod = "close")
	ChannelDispatch channelDispatch(ChannelSettings settings, ObjectProvider<JavaMailSender> mail, Environment env,
			RenderedMessageStore renderedMessages, ObjectProvider<MeterRegistry> meters,
			ApplicationEventPublisher events) {
		MeterRegistry registry = meters.getIfAvailable(CompositeMeterRegistry::new);
		List<Sender> senders = List.of(email(settings, mail.getIfAvailable(), env, registry), sms(settings, env),
				new TaskSender());
		senders.forEach(s -> log.info("Channel {}: {}", s.channel(), s.mode()));
		Locale fallbackLocale = Locale.forLanguageTag(settings.fallbackLocale());
		return new ChannelDispatch(senders, new TemplateRenderer(Path.of(settings.templates()), fallbackLocale),
				renderedMessages, registry, events::publishEvent);
	}

	/** Checks on a schedule that the SMTP server takes a connection (and the login, when one is set). */
	@Bean(destroyMethod = "close")
	ProviderHealth smtpHealthIndicator(ChannelSettings settings, ObjectProvider<JavaMailSender> mail,
			ProviderHealthSettings health, Environment env) {
		if (settings.recordOnly() || !(mail.getIfAvailable() instanceof JavaMailSenderImpl impl)) {
			return ProviderHealth.recording("smtp", settings.recordOnly() ? "forewarn.channels.record-only is on"
					: "no SMTP server configured (spring.mail.host)");
		}
		String server = env.getProperty("spring.mail.host") + ":" + env.getProperty("spring.mail.port", "25");
		return ProviderHealth.checked("smtp", () -> {
			try {
				impl.testConnection();
				return Health.up().withDetail("server", server);
			}
			catch (MessagingException e) {
				return Health.down().withDetail("server", server).withDetail("reason",
						"SMTP server " + server + " unreachable or refusing the connection: " + e.getMessage()
								+ "; check spring.mail.* and that the server runs");
			}
		}, health.interval());
	}

	/** Checks on a schedule that Twilio takes the account SID and auth token (fetches the account). */
	@Bean(destroyMethod = "close")
	ProviderHealth twilioHealthIndicator(ChannelSettings settings, ProviderHealthSettings health) {
		ChannelSettings.Sms sms = settings.sms();
		if (settings.recordOnly() || !sms.configured()) {
			return ProviderHealth.recording("twilio", settings.recordOnly() ? "forewarn.channels.record-only is on"
					: "Twilio not configured (forewarn.channels.sms.account-sid, auth-token)");
		}
		TwilioRestClient client = twilioClient(sms);
		return ProviderHealth.checked("twilio", () -> twilioAccount(client, sms.accountSid()), health.interval());
	}

	private static Health.Builder twilioAccount(TwilioRestClient client, String accountSid) {
		try {
			Account.fetcher(accountSid).fetch(client);
			return Health.up();
		}
		catch (ApiException e) {
			Integer status = e.getStatusCode();
			if (status != null && (status == 401 || status == 403)) {
				return Health.down().withDetail("reason", "Twilio rejected the credentials (HTTP " + status
						+ ", code " + e.getCode() + "): check forewarn.channels.sms.account-sid and auth-token");
			}
			if (status == null || status >= 500) {
				return Health.down().withDetail("reason", "Twilio failed to answer: " + e.getMessage());
			}
			return Health.up().withDetail("note", "Twilio answered the account lookup with HTTP " + status);
		}
		catch (TwilioException e) {
			return Health.down().withDetail("reason", "Twilio unreachable: " + e.getMessage());
		}
	}

	private static TwilioRestClient twilioClient(ChannelSettings.Sms sms) {
		return new TwilioRestClient.Builder(sms.accountSid(), sms.authToken())
			.httpClient(sms.apiBaseUrl() != null && !sms.apiBaseUrl().isBlank()
					? new TwilioEndpointClient(sms.apiBaseUrl(), sms.connectTimeout(), sms.readTimeout())
					: new SingleAttemptHttpClient(sms.connectTimeout(), sms.readTimeout()))
			.build();
	}

	private static Sender email(ChannelSettings settings, JavaMailSender mail, Environment env,
			MeterRegistry registry) {
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
		SmtpConnections connections = new SmtpConnections(impl, protocol, settings.email().idleConnections(),
				settings.email().keepIdle(), settings.email().messagesPerConnection());
		Map.<String, ToDoubleFunction<SmtpConnections>>of("in_use", SmtpConnections::inUse, "idle",
				SmtpConnections::idle)
			.forEach((state, count) -> Gauge.builder("forewarn.smtp.connections", connections, count)
				.tag("state", state)
				.description("SMTP connections open, by whether they carry an email or are kept for the next")
				.register(registry));
		return new EmailSender(impl, settings.email().from(), server,
				env.getProperty("forewarn.bounces.return-path-domain"), connections);
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
		TwilioRestClient client = twilioClient(sms);
		// Twilio reports delivery to the status webhook; its address is built on forewarn.links.public-url
		String publicUrl = env.getProperty("forewarn.links.public-url", "http://localhost:8080");
		return new SmsSender(client, sms.fromNumber(),
				publicUrl.replaceAll("/+$", "") + "/webhooks/twilio/status");
	}
}
