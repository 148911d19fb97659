package org.forewarn.outreach;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says in /actuator/health how many records may have gone out (FAILED "uncertain" or "interrupted"): no answer came
 * after the provider may have had them. Each waits for a person to decide; it does not make Forewarn unhealthy.
 */
@Component("outreach")
class OutreachHealthIndicator implements HealthIndicator {

	private final OutreachStore outreach;

	OutreachHealthIndicator(OutreachStore outreach) {
		this.outreach = outreach;
	}

	@Override
	public Health health() {
		return Health.up().withDetail("mayHaveGoneOut", outreach.countMayHaveGoneOut()).build();
	}
}
