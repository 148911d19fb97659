package org.forewarn.security;

import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.forewarn.shared.StableId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session once its user is removed, or their password or roles change (on any instance): the session
 * alone would keep the rights it was signed in with for as long as it is used. The account is read again on every
 * request of a session signed in with a Forewarn password (single sign-on users are the identity provider's).
 */
final class SignedInAccountCheck extends OncePerRequestFilter {

	/** The session attribute holding what the account was when the session signed in. */
	private static final String SIGNED_IN_AS = SignedInAccountCheck.class.getName() + ".account";

	private final AccountStore accounts;

	SignedInAccountCheck(AccountStore accounts) {
		this.accounts = accounts;
	}

	/** After a sign-in with the form: notes the account in the session, then goes where the user was going. */
	SavedRequestAwareAuthenticationSuccessHandler onSignIn() {
		return new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				current(authentication.getName())
					.ifPresent(account -> request.getSession().setAttribute(SIGNED_IN_AS, account));
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
			Optional<String> now = current(signedIn.getName());
			Object then = session.getAttribute(SIGNED_IN_AS);
			if (now.isEmpty() || then != null && !now.get().equals(then)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?ended");
				return;
			}
			if (then == null) { // signed in before sessions noted their account
				session.setAttribute(SIGNED_IN_AS, now.get());
			}
		}
		chain.doFilter(request, response);
	}

	/** What of the account a session depends on (its password hash and roles), hashed; empty when it is gone. */
	private Optional<String> current(String name) {
		return accounts.findUser(name).map(a -> StableId.of(a.passwordHash() + "|" + new TreeSet<>(a.roles())));
	}
}
