package org.forewarn.webhook;

import java.util.Locale;
import java.util.Set;

/**
 * The keywords Twilio itself honours on inbound SMS (Advanced Opt-Out defaults): after one of the opt-out words
 * Twilio blocks further messages to the sender, after an opt-in word it allows them again. Forewarn mirrors that in
 * the customer's SMS consent, so what it plans matches what Twilio will deliver.
 */
final class SmsKeywords {

	enum Meaning {
		OPT_OUT, OPT_IN
	}

	private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
	private static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");

	private SmsKeywords() {
	}

	/** What a message body means, or null when it is not a keyword (like Twilio, the whole body must be one). */
	static Meaning of(String body) {
		if (body == null) {
			return null;
		}
		String word = body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
		if (OPT_OUT.contains(word)) {
			return Meaning.OPT_OUT;
		}
		return OPT_IN.contains(word) ? Meaning.OPT_IN : null;
	}
}
