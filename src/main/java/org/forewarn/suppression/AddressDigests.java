package org.forewarn.suppression;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.forewarn.shared.StoredSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A keyed digest of a normalised address, stored in place of an erased customer's address. Keyed with a secret kept
 * in the database, so a list of known addresses cannot be hashed and compared against it from a copy of the table.
 */
@Component
class AddressDigests {

	private static final String SECRET_NAME = "suppression-digest";

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile SecretKeySpec key;

	AddressDigests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String of(String normalisedAddress) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] digest = mac.doFinal(normalisedAddress.getBytes(StandardCharsets.UTF_8));
			return "digest:" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	private SecretKeySpec key() {
		if (key == null) {
			key = new SecretKeySpec(StoredSecret.named(SECRET_NAME, jdbc, clock).getBytes(StandardCharsets.UTF_8),
					"HmacSHA256");
		}
		return key;
	}
}
