package org.forewarn.security;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /me} in the browser session: who is signed in and with which roles (for the console's header). */
@RestController
class SignedInController {

	@GetMapping("/me")
	Map<String, Object> me(Authentication authentication) {
		List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase(java.util.Locale.ROOT)).sorted()
			.toList();
		return Map.of("name", authentication.getName(), "roles", roles);
	}
}
