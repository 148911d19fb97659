package org.forewarn.outreach;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
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

	private final LinkSettings settings;
	private final byte[] secret;

	UnsubscribeLinks(LinkSettings settings, JdbcClient jdbc, Clock clock) {
		this.settings = settings;
		String configured = settings.secret();
		this.secret = (configured != null && !configured.isBlank() ? configured : stored(jdbc, clock))
			.getBytes(StandardCharsets.UTF_8);
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
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] digest = mac.doFinal(("unsubscribe|" + customerId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JRE has HmacSHA256", e);
		}
	}

	/** The secret generated on first use and kept in the database, so links survive restarts. */
	private static String stored(JdbcClient jdbc, Clock clock) {
		var existing = jdbc.sql("select secret from app_secret where name = ?").param(SECRET_NAME)
			.query(String.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			jdbc.sql("insert into app_secret (name, secret, created_at) values (?, ?, ?)")
				.params(SECRET_NAME, HexFormat.of().formatHex(random()), OutreachStore.utc(clock.instant())).update();
		}
		catch (DuplicateKeyException e) {
			// another instance generated it at the same moment: use that one
		}
		return jdbc.sql("select secret from app_secret where name = ?").param(SECRET_NAME).query(String.class)
			.single();
	}

	private static byte[] random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
