package org.forewarn.outreach;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.forewarn.shared.StoredSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links: {@code <public-url>/unsubscribe?c=<customer>&sig=<HMAC-SHA256 of the customer id>}. Only
 * whoever holds the link can use it, and it stays valid for as long as the secret does.
 */
@Component
public class UnsubscribeLinks {

	static final String PATH = "/unsubscribe";
	private static final String SECRET_NAME = "unsubscribe-links";

	private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);

	private final LinkSettings settings;
	private final byte[] secret;
	/** A keyed MAC per thread: choosing the provider and keying it cost more than the signature itself. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

	UnsubscribeLinks(LinkSettings settings, JdbcClient jdbc, Clock clock, Environment environment) {
		this.settings = settings;
		boolean sends = !environment.getProperty("spring.mail.host", "").isBlank()
				|| !environment.getProperty("forewarn.channels.sms.account-sid", "").isBlank();
		if (sends && isLocal(URI.create(settings.publicUrl()).getHost())) {
			log.warn("forewarn.links.public-url is {}: the unsubscribe links of the emails and SMS that now really go "
					+ "out, and Twilio's callbacks, point at this machine; set the address customers reach "
					+ "Forewarn at", settings.publicUrl());
		}
		String configured = settings.secret();
		this.secret = (configured != null && !configured.isBlank() ? configured
				: StoredSecret.named(SECRET_NAME, jdbc, clock)) // generated once, so links survive restarts
			.getBytes(StandardCharsets.UTF_8);
	}

	private static boolean isLocal(String host) {
		return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
	}

	public String url(String customerId) {
		return settings.url(PATH) + "?c=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "&sig="
				+ signature(customerId);
	}

	/** True when {@code sig} is this installation's signature of the customer id. */
	public boolean verify(String customerId, String sig) {
		if (customerId == null || sig == null) {
			return false;
		}
		return MessageDigest.isEqual(signature(customerId).getBytes(StandardCharsets.UTF_8),
				sig.getBytes(StandardCharsets.UTF_8));
	}

	private String signature(String customerId) {
		byte[] digest = macs.get().doFinal(("unsubscribe|" + customerId).getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private Mac keyedMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JRE has HmacSHA256", e);
		}
	}
}
