package org.forewarn.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * The last guard against personal data in logs, for every logger (Forewarn's, the providers' SDKs, the database
 * driver's exceptions) and every format (plain or structured): a line whose message, arguments or exception text
 * holds an email address or a phone number is written again with them masked, and the original is dropped.
 * Forewarn's own log statements mask what they print already; this catches what they cannot foresee.
 */
final class MaskingTurboFilter extends TurboFilter {

	private static final String FQCN = Logger.class.getName();

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		// checked first, without asking the filters again: disabled lines cost nothing more
		if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
			return FilterReply.NEUTRAL;
		}
		boolean found = PersonalData.contains(format) || MaskedThrowable.holdsPersonalData(t);
		if (params != null) {
			for (int i = 0; !found && i < params.length; i++) {
				found = params[i] instanceof Throwable e ? MaskedThrowable.holdsPersonalData(e)
						: params[i] != null && PersonalData.contains(String.valueOf(params[i]));
			}
		}
		if (!found) {
			return FilterReply.NEUTRAL;
		}
		Object[] masked = params == null ? null : new Object[params.length];
		for (int i = 0; masked != null && i < params.length; i++) {
			masked[i] = params[i] instanceof Throwable e ? MaskedThrowable.of(e)
					: params[i] == null ? null : PersonalData.mask(String.valueOf(params[i]));
		}
		LoggingEvent event = new LoggingEvent(FQCN, logger, level, PersonalData.mask(format), MaskedThrowable.of(t),
				masked);
		if (marker != null) {
			event.addMarker(marker);
		}
		logger.callAppenders(event);
		return FilterReply.DENY;
	}
}
