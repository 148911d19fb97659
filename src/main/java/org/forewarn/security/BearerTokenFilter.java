package org.forewarn.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <API token>}: a known token signs the request in as the token's name with its
 * roles; an unknown one is answered 401 at once. Requests without a bearer token pass on (HTTP Basic, or 401 later).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final AccountStore accounts;
	private final AuthenticationEntryPoint entryPoint;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	BearerTokenFilter(AccountStore accounts, AuthenticationEntryPoint entryPoint) {
		this.accounts = accounts;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Account token = accounts.findToken(header.substring(7).trim()).orElse(null);
		if (token == null) {
			contexts.clearContext();
			entryPoint.commence(request, response, new ApiEntryPoint.InvalidTokenException());
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(token.name(), null,
				SecurityConfiguration.authorities(token.roles())));
		contexts.setContext(context);
		repository.saveContext(context, request, response);
		chain.doFilter(request, response);
	}
}
