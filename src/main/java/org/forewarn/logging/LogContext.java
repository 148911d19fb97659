package org.forewarn.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.MDC;

/**
 * What every log line written while an event or an outreach is handled carries in the MDC (structured logs show
 * it as fields): {@code eventId}, {@code outreachId}, {@code rule} and {@code customerRef}, a short HMAC of the
 * customer id that tells a customer's lines together without naming the customer. Each scope restores what was
 * there before when it closes, so nothing leaks to the next task of a pooled thread.
 */
public final class LogContext {

	public static final String EVENT_ID = "eventId";
	public static final String OUTREACH_ID = "outreachId";
	public static final String RULE = "rule";
	public static final String CUSTOMER_REF = "customerRef";
	/** Hex characters of a customer reference: 48 bits, enough to tell customers apart in logs. */
	private static final int REF_LENGTH = 12;

	/** Until the configured key is installed, a random one: references are never the plain HMAC of a known key. */
	private static volatile SecretKeySpec key = randomKey();

	private LogContext() {
	}

	/** The key customer references are made with (the same on every instance, so they match across them). */
	static void useKey(String secret) {
		key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** The customer's reference in logs: the first 12 hex characters of HMAC-SHA256(key, customerId). */
	public static String customerRef(String customerId) {
		if (customerId == null) {
			return null;
		}
		return MACS.get().ref(key, customerId);
	}

	/**
	 * Looking a Mac up costs more than computing one: each thread keeps its own, made again when the key changes, and
	 * the last reference it made (an event's scopes and log lines ask for the same customer's several times).
	 */
	private static final ThreadLocal<ThreadMac> MACS = ThreadLocal.withInitial(ThreadMac::new);

	private static final class ThreadMac {

		private SecretKeySpec keyOfMac;
		private Mac mac;
		private String lastCustomerId;
		private String lastRef;

		String ref(SecretKeySpec wanted, String customerId) {
			if (wanted == keyOfMac && customerId.equals(lastCustomerId)) {
				return lastRef;
			}
			String ref = HexFormat.of().formatHex(of(wanted).doFinal(customerId.getBytes(StandardCharsets.UTF_8)))
				.substring(0, REF_LENGTH);
			lastCustomerId = customerId;
			lastRef = ref;
			return ref;
		}

		private Mac of(SecretKeySpec wanted) {
			if (wanted != keyOfMac) {
				try {
					mac = Mac.getInstance("HmacSHA256");
					mac.init(wanted);
				}
				catch (GeneralSecurityException e) {
					throw new IllegalStateException("HmacSHA256 is not available", e);
				}
				keyOfMac = wanted;
			}
			return mac;
		}
	}

	/** While an event is processed: its id and its customer's reference. */
	public static Scope event(String eventId, String customerId) {
		return new Scope(EVENT_ID, eventId, CUSTOMER_REF, customerRef(customerId));
	}

	/** While an outreach record is handled (sent, retried, settled): its id, rule and customer's reference. */
	public static Scope outreach(String outreachId, String rule, String customerId) {
		return new Scope(OUTREACH_ID, outreachId, RULE, rule, CUSTOMER_REF, customerRef(customerId));
	}

	private static SecretKeySpec randomKey() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return new SecretKeySpec(random, "HmacSHA256");
	}

	/** Puts keys and values into the MDC; closing puts back what each key held before. */
	public static final class Scope implements AutoCloseable {

		private final String[] keys;
		private final String[] before;

		private Scope(String... keysAndValues) {
			keys = new String[keysAndValues.length / 2];
			before = new String[keys.length];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = keysAndValues[2 * i];
				before[i] = MDC.get(keys[i]);
				String value = keysAndValues[2 * i + 1];
				if (value == null) {
					MDC.remove(keys[i]);
				}
				else {
					MDC.put(keys[i], value);
				}
			}
		}

		@Override
		public void close() {
			for (int i = keys.length - 1; i >= 0; i--) {
				if (before[i] == null) {
					MDC.remove(keys[i]);
				}
				else {
					MDC.put(keys[i], before[i]);
				}
			}
		}
	}
}
