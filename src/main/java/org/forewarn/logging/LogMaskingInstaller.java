package org.forewarn.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Adds the {@link MaskingTurboFilter} right after Spring Boot has set up logging (which resets any filter added
 * earlier), before anything of Forewarn logs. Registered in META-INF/spring.factories.
 */
public class LogMaskingInstaller implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		install();
	}

	/** Idempotent; does nothing when logging is not Logback. */
	static void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(MaskingTurboFilter.class::isInstance)) {
			MaskingTurboFilter filter = new MaskingTurboFilter();
			filter.setName("personal-data-masking");
			filter.start();
			context.addTurboFilter(filter);
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}
}
