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
 * <p>
 * A name is counted {@linkplain #signingInAs trimmed}, as the sign-in form trims it before looking the user up, so
 * every spelling that signs in as a user counts against that user.
 */
final class SignInThrottle {

	static final int FREE_FAILURES = 5;
	static final Duration FIRST_WAIT = Duration.ofSeconds(30);
	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	private record Key(String name, String address) {
	}

	/**
	 * Tries that failed or were let through and not yet answered, and until when the pair waits; signedIn: the
	 * pair's last answered try succeeded, so its tries (a script's parallel calls) are not counted until one fails.
	 */
	private record Failures(int count, Instant until, boolean signedIn) {
	}

	private static final Failures SIGNED_IN = new Failures(0, null, true);

	private final Cache<Key, Failures> failures = Caffeine.newBuilder()
		.expireAfterWrite(LONGEST_WAIT)
		.maximumSize(100_000)
		.build();
	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * How long this name must wait before trying again from this address; zero when it may try now. A try that is let
	 * through is counted as a failure at once, also the pair's first (a success clears it), so that tries sent at the
	 * same moment cannot all get past the wait.
	 */
	Duration attempt(String name, String address) {
		Duration[] wait = { Duration.ZERO };
		failures.asMap().compute(new Key(signingInAs(name), address), (key, before) -> {
			Instant now = clock.instant();
			if (before == null) {
				return failed(1, now);
			}
			if (before.signedIn()) {
				return before;
			}
			if (before.until() != null && before.until().isAfter(now)) {
				wait[0] = Duration.between(now, before.until());
				return before;
			}
			return failed(before.count() + 1, now);
		});
		return wait[0];
	}

	/** The failure of a try let through uncounted (the pair had signed in); others were counted as let through. */
	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Key key = key(event.getAuthentication());
		if (key != null) {
			failures.asMap().compute(key, (k, before) -> before == null || before.signedIn()
					? failed(1, clock.instant()) : before);
		}
	}

	private static Failures failed(int count, Instant now) {
		return new Failures(count, count < FREE_FAILURES ? null : now.plus(waitAfter(count)), false);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		Key key = key(event.getAuthentication());
		if (key != null) {
			failures.put(key, SIGNED_IN);
		}
	}

	/**
	 * The user a name signs in as: Spring's sign-in form trims the name it is sent ({@link String#trim()}: spaces and
	 * control characters); HTTP Basic does not, so a name it refuses for them is at worst counted with the user's.
	 */
	static String signingInAs(String name) {
		return name.trim();
	}

	private static Duration waitAfter(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 10);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private static Key key(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return new Key(signingInAs(authentication.getName()), details.getRemoteAddress());
		}
		return null;
	}
}
