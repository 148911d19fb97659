package org.forewarn.rules.reload;

import java.time.Instant;
import java.util.List;

import org.forewarn.rules.RuleError;

/**
 * One attempt to reload the rules folder: what started it, what came of it and, when rejected, every error.
 *
 * @param version the version now running (LOADED, UNCHANGED) or the version that was rejected (REJECTED)
 */
public record ReloadAttempt(Instant at, String trigger, Outcome outcome, String version, long buildMillis,
		List<RuleError> errors) {

	public enum Outcome {
		/** Built, validated and swapped in. */
		LOADED,
		/** The files are the ones already running; nothing was built. */
		UNCHANGED,
		/** Did not compile; the running rule set stays. */
		REJECTED
	}
}
