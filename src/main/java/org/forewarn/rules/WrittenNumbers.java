package org.forewarn.rules;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers written in a rule's chained steps ({@code .holdout(150)}, {@code .step(0)}) that the step would refuse
 * each time the rule fires, with the message it would give; a number computed at run time is left to run time.
 */
final class WrittenNumbers {

	/** A negative wait would send at once, as if none were asked for. */
	static final String NEGATIVE_WAIT = " is negative: a wait is a length of time";
	private static final Pattern NUMBER = Pattern.compile("([-+]?\\s*\\d+(?:\\.\\d*)?)[lLdDfF]?");

	private WrittenNumbers() {
	}

	/** What the step would say of its written number, or null when it takes it (or the number is not written). */
	static String problem(DecideCalls.Call call) {
		if (call.args().size() != 1) {
			return null;
		}
		Matcher written = NUMBER.matcher(call.args().get(0).strip());
		if (!written.matches()) {
			return null;
		}
		BigDecimal value = new BigDecimal(written.group(1).replaceAll("\\s+", ""));
		String shown = "." + call.method() + "(" + call.args().get(0).strip() + ")";
		return switch (call.method()) {
			case "afterHours" -> value.signum() < 0 ? shown + NEGATIVE_WAIT : null;
			case "holdout" -> value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
					? shown + ": the share must be between 0 and 100" : null;
			case "hourlyCeiling" -> value.compareTo(BigDecimal.ONE) < 0
					? shown + ": give 1 or more messages per hour" : null;
			case "step" -> value.compareTo(BigDecimal.ONE) < 0 ? shown + ": step must be 1 or more" : null;
			default -> null;
		};
	}
}
