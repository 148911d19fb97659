package org.forewarn.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The attribution window as the replay report writes it. */
class OutcomeWindowTest {

	@Test
	void wholeDaysAndHoursReadAsSuchAnythingElseAsIso() {
		assertThat(report(Duration.ofDays(30)).windowInWords()).isEqualTo("30 days");
		assertThat(report(Duration.ofDays(1)).windowInWords()).isEqualTo("1 day");
		assertThat(report(Duration.ofHours(36)).windowInWords()).isEqualTo("36 hours");
		assertThat(report(Duration.ofMinutes(90)).windowInWords()).isEqualTo("PT1H30M");
	}

	private static OutcomeReport.Report report(Duration window) {
		return new OutcomeReport.Report(null, null, window, 100, OutcomeReport.METHOD, List.of());
	}
}
