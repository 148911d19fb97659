package org.forewarn.brake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.stereotype.Component;

/**
 * Messages per second toward each provider ({@code forewarn.brake.rate.*}), per instance: Resilience4j's rate
 * limiter, one per channel. A send waits for its turn at most {@code max-wait}; one that gets none is put back and
 * tried again, never failed.
 */
@Component
public class ProviderRates {

	private final BrakeSettings.Rate settings;
	private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

	ProviderRates(BrakeSettings settings) {
		this.settings = settings.rate();
	}

	/** Waits for a turn to send on the channel; false when none came within {@code max-wait}. */
	public boolean acquire(String channel) {
		int perSecond = settings.perSecond(channel);
		if (perSecond <= 0) {
			return true;
		}
		return limiters.computeIfAbsent(channel, c -> RateLimiter.of("forewarn-" + c, RateLimiterConfig.custom()
			.limitForPeriod(perSecond)
			.limitRefreshPeriod(java.time.Duration.ofSeconds(1))
			.timeoutDuration(settings.maxWait())
			.build())).acquirePermission();
	}

	public int perSecond(String channel) {
		return settings.perSecond(channel);
	}

	/** How long a send that got no turn waits before it is tried again. */
	public java.time.Duration retryAfter() {
		return settings.retryAfter();
	}
}
