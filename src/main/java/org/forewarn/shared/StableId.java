package org.forewarn.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short ids derived from content, so the same input (a replay, a retried wakeup) always yields the same id. */
public final class StableId {

	/** Looking a digest up by name costs more than hashing a short text: each thread keeps its own. */
	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(StableId::sha256);

	private StableId() {
	}

	/** The first 12 bytes of the SHA-256 of {@code text}, in hex. */
	public static String of(String text) {
		return HexFormat.of().formatHex(DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JRE has SHA-256", e);
		}
	}
}
