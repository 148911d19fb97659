package org.forewarn.privacy;

import java.time.Clock;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.AttemptStore;
import org.forewarn.outreach.DetectionStore;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.suppression.SuppressionList;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Retention, erasure and export; the retention job runs on the live service, not in a replay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
class PrivacyConfiguration {

	@Bean
	PersonalData personalData(JdbcClient jdbc) {
		return new PersonalData(jdbc);
	}

	@Bean
	PrivacyLog privacyLog(JdbcClient jdbc) {
		return new PrivacyLog(jdbc);
	}

	@Bean
	Retention retention(JdbcClient jdbc, TransactionTemplate transaction, RetentionSettings settings,
			PersonalData personal, Clock clock) {
		return new Retention(jdbc, transaction, settings, personal, clock);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@Profile("!replay")
	RetentionSchedule retentionSchedule(Retention retention, JdbcClient jdbc, RetentionSettings settings,
			Clock clock) {
		return new RetentionSchedule(retention, new JobLease(jdbc, clock), settings);
	}

	@Bean
	CustomerErasure customerErasure(PersonalData personal, OutreachStore outreach, SuppressionList suppressions,
			PrivacyLog privacyLog, TransactionTemplate transaction, Clock clock, CustomerStateStore states) {
		return new CustomerErasure(personal, outreach, suppressions, privacyLog, transaction, clock, states);
	}

	@Bean
	CustomerExport customerExport(EventStore events, DetectionStore detections, OutreachStore outreach,
			AttemptStore attempts, ChannelDispatch channels, PrivacyLog privacyLog, JdbcClient jdbc,
			TransactionTemplate transaction, Clock clock) {
		return new CustomerExport(events, detections, outreach, attempts, channels, privacyLog, jdbc, transaction,
				clock);
	}
}
