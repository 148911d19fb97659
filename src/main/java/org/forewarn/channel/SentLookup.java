package org.forewarn.channel;

/**
 * What the provider says about a message that may have gone out: {@code FOUND} with its id and status, or
 * {@code NOT_FOUND}, or {@code UNKNOWN} when it could not be asked; {@code detail} says so in words.
 */
public record SentLookup(Answer answer, String providerId, String providerStatus, String providerCode,
		String detail) {

	public enum Answer {
		FOUND, NOT_FOUND, UNKNOWN
	}

	static SentLookup found(String providerId, String status, String code, String detail) {
		return new SentLookup(Answer.FOUND, providerId, status, code, detail);
	}

	static SentLookup notFound(String detail) {
		return new SentLookup(Answer.NOT_FOUND, null, null, null, detail);
	}

	static SentLookup unknown(String detail) {
		return new SentLookup(Answer.UNKNOWN, null, null, null, detail);
	}
}
