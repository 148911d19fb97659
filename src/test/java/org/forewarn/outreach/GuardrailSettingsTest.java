package org.forewarn.outreach;

import java.util.List;

import org.forewarn.replay.ReplaySession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A guardrail the service cannot use stops the start when the settings are bound, naming it: no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class GuardrailSettingsTest {

	@Test
	void quietHoursThatAreNoTimeRangeStopTheStartWithTheSettingNamed(CapturedOutput output) {
		assertThatThrownBy(() -> ReplaySession.start(List.of("--forewarn.guardrails.quiet-hours.email=25:00-07:00")))
			.hasRootCauseMessage("forewarn.guardrails.quiet-hours.email: '25:00-07:00' is not a time range like"
					+ " 21:00-08:00");

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"Reason: java.lang.IllegalArgumentException: forewarn.guardrails.quiet-hours.email: '25:00-07:00'")
			.doesNotContain("\tat org.");
	}

	@Test
	void aCapThatIsNoCapStopsTheStartWithTheSettingNamed(CapturedOutput output) {
		assertThatThrownBy(() -> ReplaySession.start(List.of("--forewarn.guardrails.caps.email=two per day")))
			.hasRootCauseMessage("forewarn.guardrails.caps.email: 'two per day' is not a cap like"
					+ " '2 per day, 5 per week' (or 'none')");

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START").doesNotContain("\tat org.");
	}
}
