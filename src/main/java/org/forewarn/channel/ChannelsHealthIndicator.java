package org.forewarn.channel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Says in /actuator/health, per channel, whether messages really go out or are only recorded. */
@Component("channels")
class ChannelsHealthIndicator implements HealthIndicator {

	private final ChannelDispatch dispatch;

	ChannelsHealthIndicator(ChannelDispatch dispatch) {
		this.dispatch = dispatch;
	}

	@Override
	public Health health() {
		return Health.up().withDetails(dispatch.modes())
			.withDetail("recordingOnly", dispatch.anyRecording())
			.build();
	}
}
