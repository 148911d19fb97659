package org.forewarn.followup;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.outreach.OutreachStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Emails the lead about overdue follow-up tasks, only when an address is configured (never in a replay). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${forewarn.followups.escalation-email:}' != ''")
@Profile("!replay") // a replay adds its profile to those configured, so spring.profiles.active does not name it
class EscalationConfiguration {

	/** A thread of its own: a slow SMTP server holds up only the escalation emails. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService followupEscalationChecks(OutreachStore outreach, ChannelDispatch channels,
			EscalationSettings settings, Clock clock) {
		ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "followup-escalation");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(100, settings.escalationCheck().toMillis());
		checks.scheduleWithFixedDelay(new FollowupEscalation(outreach, channels, settings.escalationEmail(), clock),
				every, every, TimeUnit.MILLISECONDS);
		return checks;
	}
}
