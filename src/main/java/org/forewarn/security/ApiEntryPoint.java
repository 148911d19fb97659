package org.forewarn.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for {@code /api/**} without valid credentials: both ways to sign in are offered in {@code WWW-Authenticate}.
 * No browser sign-in dialog is wanted here, yet Basic stays named so clients know it is accepted.
 */
final class ApiEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean badToken = failure instanceof InvalidTokenException;
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
				badToken ? "Bearer realm=\"forewarn\", error=\"invalid_token\"" : "Bearer realm=\"forewarn\"");
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"forewarn\", charset=\"UTF-8\"");
		String message = badToken ? "the API token is not known (revoked or mistyped)"
				: failure instanceof BadCredentialsException ? "the user name or password is wrong"
						: "sign in with 'Authorization: Bearer <API token>' or HTTP Basic (user name and password)";
		ErrorJson.write(response, HttpServletResponse.SC_UNAUTHORIZED,
				ErrorJson.of(401, "Unauthorized", message, request.getRequestURI(), HttpHeaders.AUTHORIZATION));
	}

	/** A bearer token that matches no stored token. */
	static final class InvalidTokenException extends AuthenticationException {

		InvalidTokenException() {
			super("unknown API token");
		}
	}
}
