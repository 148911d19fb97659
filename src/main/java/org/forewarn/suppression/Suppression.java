package org.forewarn.suppression;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One address (email, normalised to lower case) or number (E.164) not to contact on {@code channel}, why, where from,
 * since when, and until when ({@code expiresAt} null: for good).
 */
public record Suppression(String channel, String address, String reason, SuppressionSource source,
		Instant createdAt, Instant expiresAt, String createdBy) {

	public boolean activeAt(Instant now) {
		return expiresAt == null || now.isBefore(expiresAt);
	}

	/**
	 * The outreach reason: {@code suppressed: hard bounce 5.1.1 on 2026-12-02 (bounce)}. The source in brackets at the
	 * end is what {@link #sourceOf} reads back.
	 */
	public String outreachReason() {
		return "suppressed: " + reason + " on " + createdAt.atOffset(ZoneOffset.UTC).toLocalDate()
				+ (expiresAt == null ? "" : ", until " + expiresAt) + " (" + source.label() + ")";
	}

	/** The source named at the end of an outreach reason made by {@link #outreachReason}, or null. */
	public static SuppressionSource sourceOf(String outreachReason) {
		if (outreachReason == null || !outreachReason.startsWith("suppressed: ") || !outreachReason.endsWith(")")) {
			return null;
		}
		int open = outreachReason.lastIndexOf('(');
		try {
			return open < 0 ? null
					: SuppressionSource.parse(outreachReason.substring(open + 1, outreachReason.length() - 1));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
