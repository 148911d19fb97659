package org.forewarn.outreach;

import org.forewarn.suppression.Suppression;
import org.forewarn.suppression.SuppressionSource;

/**
 * A suppressed record's reason as a meter tag: a few fixed words, never an address or a free text. The suppression
 * list's entries are tagged by their source ({@code bounce}, {@code complaint}, {@code carrier_opt_out}, ...).
 */
final class SuppressedReasons {

	private SuppressedReasons() {
	}

	static String tag(String reason) {
		if (reason == null) {
			return "other";
		}
		SuppressionSource source = Suppression.sourceOf(reason);
		if (source != null) {
			return source.label();
		}
		if (reason.startsWith("no ") && reason.endsWith(" consent")) {
			return "no_consent";
		}
		if (reason.equals("no email address") || reason.equals("no phone number")) {
			return "no_address";
		}
		if (reason.equals(Guardrails.OPEN_TICKET)) {
			return "open_ticket";
		}
		if (reason.startsWith(FrequencyCaps.REASON)) {
			return "frequency_cap";
		}
		return "other";
	}
}
