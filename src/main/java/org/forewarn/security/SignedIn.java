package org.forewarn.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is doing something: the signed-in principal of the current request, the only source of the actor recorded on
 * history. A request body never names it.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** The signed-in user's or token's name; an {@link IllegalStateException} when nobody is signed in. */
	public static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			throw new IllegalStateException("nobody is signed in: the actor of a change is the signed-in user");
		}
		return authentication.getName();
	}

	/** Whether the signed-in principal has the role (directly; admin's wider rights are the filter chains'). */
	static boolean has(Role role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
	}
}
