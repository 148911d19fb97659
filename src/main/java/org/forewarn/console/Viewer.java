package org.forewarn.console;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking, and what the console shows them: the navigation and each page leave out what the roles do not
 * allow (the security rules refuse it anyway). Contact data is for the roles that work with customers.
 */
record Viewer(String name, boolean support, boolean reviewer, boolean rules, boolean privacy,
		boolean admin) {

	static final Viewer NOBODY = new Viewer(null, false, false, false, false, false);

	static Viewer of(Authentication auth, RoleHierarchy roles) {
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
			return NOBODY;
		}
		Set<String> granted = roles.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
			.map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		return new Viewer(auth.getName(), granted.contains("ROLE_SUPPORT"), granted.contains("ROLE_REVIEWER"),
				granted.contains("ROLE_RULES"), granted.contains("ROLE_PRIVACY"), granted.contains("ROLE_ADMIN"));
	}

	/** Email addresses and phone numbers: shown to support (and reviewers, admins), not to the rules role. */
	public boolean seesContact() {
		return support;
	}

	public boolean seesFigures() {
		return support || rules;
	}
}
