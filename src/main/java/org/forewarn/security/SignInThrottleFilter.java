package org.forewarn.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in the {@link SignInThrottle} holds back, before its password is checked: the console's form is sent
 * back to the sign-in page ({@code ?wait=SECONDS}); HTTP Basic gets 429 with {@code Retry-After}. Each chain's filter
 * looks only at the sign-ins that chain checks: a try it counts is always answered, so the count never stays up.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

	private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

	private final SignInThrottle throttle;
	private final boolean signInForm;

	private SignInThrottleFilter(SignInThrottle throttle, boolean signInForm) {
		this.throttle = throttle;
		this.signInForm = signInForm;
	}

	/** For the console's chain: its sign-in form (a Basic header there is never checked). */
	static SignInThrottleFilter signInForm(SignInThrottle throttle) {
		return new SignInThrottleFilter(throttle, true);
	}

	/** For the chains that take HTTP Basic. */
	static SignInThrottleFilter basic(SignInThrottle throttle) {
		return new SignInThrottleFilter(throttle, false);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = signInForm && "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
		String name = form ? request.getParameter("username") : signInForm ? null : basicName(request);
		Duration wait = name == null ? Duration.ZERO : throttle.attempt(name, request.getRemoteAddr());
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
		if (form) {
			response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ErrorJson.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), ErrorJson.of(429, "Too Many Requests",
				"too many failed sign-ins for '" + name + "' from this address: try again in " + seconds + " s",
				request.getRequestURI(), null));
	}

	/** The user name of an HTTP Basic header, or null (none, or one the Basic filter refuses as malformed). */
	private static String basicName(HttpServletRequest request) {
		try {
			UsernamePasswordAuthenticationToken basic = BASIC.convert(request);
			return basic == null ? null : basic.getName();
		}
		catch (AuthenticationException e) {
			return null;
		}
	}
}
