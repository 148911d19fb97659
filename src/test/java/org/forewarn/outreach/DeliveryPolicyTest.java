package org.forewarn.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Cap settings as operators write them, and the backoff between attempts. */
class DeliveryPolicyTest {

	@Test
	void capsReadAsWritten() {
		assertThat(FrequencyCaps.parse("x", "2 per day, 5 per week")).isEqualTo(new FrequencyCaps.Cap(2, 5));
		assertThat(FrequencyCaps.parse("x", "3 per week")).isEqualTo(new FrequencyCaps.Cap(0, 3));
		assertThat(FrequencyCaps.parse("x", "none")).isEqualTo(new FrequencyCaps.Cap(0, 0));
		assertThatThrownBy(() -> FrequencyCaps.parse("forewarn.guardrails.caps.sms", "twice a day"))
			.hasMessage("forewarn.guardrails.caps.sms: 'twice a day' is not a cap like '2 per day, 5 per week' "
					+ "(or 'none')");
	}

	@Test
	void backoffGrowsExponentiallyWithBoundedJitterUpToTheMaximum() {
		RetryBackoff backoff = new RetryBackoff(new DeliverySettings(
				new DeliverySettings.Retry(6, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10), 0.2),
				new DeliverySettings.Fallback("email", "task", ""), "undeliverable"));

		for (int attempt = 1; attempt <= 5; attempt++) {
			double expected = Math.min(60 * Math.pow(2, attempt - 1), 600);
			assertThat(backoff.after("o-1", attempt).toSeconds())
				.isBetween((long) Math.floor(expected * 0.8), (long) Math.ceil(expected * 1.2));
		}
		// the same record and attempt always wait the same; other records wait differently
		assertThat(backoff.after("o-1", 3)).isEqualTo(backoff.after("o-1", 3));
		assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> backoff.after("o-" + i, 1)).distinct())
			.hasSizeGreaterThan(10);
	}
}
