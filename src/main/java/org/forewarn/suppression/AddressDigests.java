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

	private final SecretKeySpec key;

	/**
	 * Reads (or generates and stores) the key at start, outside any transaction: taken first inside a lane's
	 * transaction, it spoiled that transaction on PostgreSQL when two lanes raced to store it, and a rolled-back one
	 * left a key in use that was never stored, so digests taken with it matched nothing after a restart.
	 */
	AddressDigests(JdbcClient jdbc, Clock clock) {
		this.key = new SecretKeySpec(StoredSecret.named(SECRET_NAME, jdbc, clock).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	String of(String normalisedAddress) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(normalisedAddress.getBytes(StandardCharsets.UTF_8));
			return "digest:" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
