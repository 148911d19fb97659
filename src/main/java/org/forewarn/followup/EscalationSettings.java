package org.forewarn.followup;

import java.time.Duration;

import org.forewarn.shared.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation of follow-up tasks past their due time ({@code forewarn.followups.*}; the due times themselves are
 * {@code forewarn.followups.due.*}).
 *
 * @param escalationEmail the lead's address that gets one email per task nobody claimed by its due time; empty: no
 * email (tasks are still flagged and counted)
 * @param escalationCheck how often overdue tasks are looked for
 */
@ConfigurationProperties("forewarn.followups")
record EscalationSettings(@DefaultValue("") String escalationEmail, @DefaultValue("PT1M") Duration escalationCheck) {

	EscalationSettings {
		SettingChecks.positive("forewarn.followups.escalation-check", escalationCheck);
	}
}
