package org.forewarn.logging;

/**
 * An exception standing in for one whose message (or a cause's) holds personal data: the same class name, masked
 * message, stack trace and causes, so the log still says what failed and where.
 */
final class MaskedThrowable extends RuntimeException {

	private static final int MAX_DEPTH = 16;

	private MaskedThrowable(Throwable original, int depth) {
		super(original.getClass().getName() + ": " + PersonalData.mask(original.getMessage()),
				original.getCause() == null || depth >= MAX_DEPTH ? null
						: new MaskedThrowable(original.getCause(), depth + 1),
				false, false);
		setStackTrace(original.getStackTrace());
	}

	static Throwable of(Throwable original) {
		return holdsPersonalData(original) ? new MaskedThrowable(original, 0) : original;
	}

	static boolean holdsPersonalData(Throwable t) {
		for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
			if (PersonalData.contains(t.getMessage())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return getMessage();
	}
}
