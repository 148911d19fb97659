package org.forewarn.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Failed sign-ins (the console's form, HTTP Basic) per user name and client address: after five in a row that pair
 * waits 30 seconds before its next try, twice as long after each further failure, up to 15 minutes; a success clears
 * it. Guessing passwords then takes years, while a user who mistyped waits a moment, and someone else's guesses from
 * another address do not lock them out. Kept per instance, forgotten 15 minutes after the last failure.
 */
final class SignInThrottle {

	static final int FREE_FAILURES = 5;
	static final Duration FIRST_WAIT = Duration.ofSeconds(30);
	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	private record Key(String name, String address) {
	}

	private record Failures(int count, Instant until) {
	}

	private final Cache<Key, Failures> failures = Caffeine.newBuilder()
		.expireAfterWrite(LONGEST_WAIT)
		.maximumSize(100_000)
		.build();
	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	/** How long this name must wait before trying again from this address; zero when it may try now. */
	Duration wait(String name, String address) {
		Failures found = failures.getIfPresent(new Key(name, address));
		if (found == null || found.until() == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), found.until());
		return left.isNegative() ? Duration.ZERO : left;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Key key = key(event.getAuthentication());
		if (key != null) {
			failures.asMap().compute(key, (k, before) -> {
				int count = before == null ? 1 : before.count() + 1;
				return new Failures(count, count < FREE_FAILURES ? null : clock.instant().plus(waitAfter(count)));
			});
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		Key key = key(event.getAuthentication());
		if (key != null) {
			failures.invalidate(key);
		}
	}

	private static Duration waitAfter(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 10);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private static Key key(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return new Key(authentication.getName(), details.getRemoteAddress());
		}
		return null;
	}
}
