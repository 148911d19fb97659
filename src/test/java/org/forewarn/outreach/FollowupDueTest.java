package org.forewarn.outreach;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A follow-up task's time to be handled: the problem's setting, else the global default, else 24 hours. */
class FollowupDueTest {

	@Test
	void theProblemsSettingWinsOverTheDefault() {
		FollowupDue due = bind(Map.of("forewarn.followups.due[churn.risk]", "PT2S",
				"forewarn.followups.due.default", "PT8H"));

		assertThat(due.within("churn.risk")).isEqualTo(Duration.ofSeconds(2));
		assertThat(due.within("shipment.exception")).isEqualTo(Duration.ofHours(8));
		assertThat(bind(Map.of("forewarn.followups.other", "x")).within("churn.risk")).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void aDueTimeThatIsNotPositiveIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new FollowupDue(Map.of("churn.risk", Duration.ZERO)))
			.hasMessageContaining("forewarn.followups.due.churn.risk: PT0S is not a positive duration");
	}

	private static FollowupDue bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("forewarn.followups",
				FollowupDue.class);
	}
}
