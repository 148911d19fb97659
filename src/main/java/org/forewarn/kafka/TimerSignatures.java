package org.forewarn.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the timer records Forewarn produces and tells them from forgeries: a {@code timer.fired} record counts only
 * with an HMAC-SHA256 of its key and value under the installation's key. Anyone who can produce to the topic can
 * set a header; only instances of this installation hold the key.
 */
class TimerSignatures {

	private static final Logger log = LoggerFactory.getLogger(TimerSignatures.class);
	private static final String ALGORITHM = "HmacSHA256";
	/** Versions the signed layout, so another one can come later without ambiguity. */
	private static final byte[] DOMAIN = "forewarn-timer-v1".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec key;
	private final boolean acceptUnsigned;

	TimerSignatures(byte[] secret, boolean acceptUnsigned) {
		this.key = new SecretKeySpec(secret, ALGORITHM);
		this.acceptUnsigned = acceptUnsigned;
	}

	/** Marks the record as a timer and signs it. */
	void sign(ProducerRecord<String, String> record) {
		Headers headers = record.headers();
		headers.add(ForewarnHeaders.ORIGIN, ForewarnHeaders.TIMER.getBytes(StandardCharsets.UTF_8));
		headers.add(ForewarnHeaders.TIMER_SIGNATURE, signature(record.key(), record.value()));
	}

	/**
	 * True for a record that claims to be a timer (by either header) and proves it; false for one that makes no such
	 * claim. A claim without a valid signature is rejected.
	 */
	boolean isTimer(ConsumerRecord<String, String> record) {
		Header signature = record.headers().lastHeader(ForewarnHeaders.TIMER_SIGNATURE);
		Header origin = record.headers().lastHeader(ForewarnHeaders.ORIGIN);
		boolean markedAsTimer = origin != null
				&& ForewarnHeaders.TIMER.equals(new String(origin.value(), StandardCharsets.UTF_8));
		if (signature == null) {
			if (!markedAsTimer) {
				return false;
			}
			if (!acceptUnsigned) {
				throw new RejectedRecordException(ForewarnHeaders.TIMER_SIGNATURE + " header: missing on a record marked " + ForewarnHeaders.ORIGIN + ": "
						+ ForewarnHeaders.TIMER + "; unsigned timers are taken only while "
						+ "forewarn.kafka.accept-unsigned-timers is on (when upgrading from a version that did not "
						+ "sign them)");
			}
			log.info("Accepted the unsigned timer {}-{}@{} (forewarn.kafka.accept-unsigned-timers is on)",
					record.topic(), record.partition(), record.offset());
			return true;
		}
		byte[] expected = signature(record.key(), record.value());
		if (signature.value() == null || !MessageDigest.isEqual(expected, signature.value())) {
			throw new RejectedRecordException(ForewarnHeaders.TIMER_SIGNATURE + " header: does not match the "
					+ "record's key and value (altered, forged, or signed with another forewarn.kafka.timer-secret)");
		}
		return true;
	}

	/** The reason for a {@code timer.fired} event that comes without any timer header. */
	static String missing() {
		return ForewarnHeaders.TIMER_SIGNATURE + " header: missing; timer.fired events come only from Forewarn's own "
				+ "timers, which sign them";
	}

	private byte[] signature(String recordKey, String value) {
		byte[] keyBytes = recordKey == null ? new byte[0] : recordKey.getBytes(StandardCharsets.UTF_8);
		byte[] valueBytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(DOMAIN);
			// the key's length first: no other split of the same bytes into key and value signs alike
			mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(keyBytes.length).array());
			mac.update(keyBytes);
			mac.update(valueBytes);
			return Base64.getEncoder().encode(mac.doFinal());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JRE has " + ALGORITHM, e);
		}
	}
}
