package org.forewarn.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Single sign-on: a user signed in through OpenID Connect gets the Forewarn roles listed in one claim of the ID token
 * or user info ({@code forewarn.security.oidc.roles-claim}, default {@code roles}): a list or a comma- or
 * space-separated text, matched to {@link Role} names in any case; unknown values are ignored. Without any role the
 * user is signed in and may do nothing (403). Their name, recorded as who did something, is the provider's
 * {@code user-name-attribute} when configured, else {@code preferred_username}, else {@code sub}.
 */
class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Logger log = LoggerFactory.getLogger(OidcRoles.class);

	private final OidcUserService delegate = new OidcUserService();
	private final String claim;

	OidcRoles(String claim) {
		this.claim = claim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = delegate.loadUser(request);
		Set<Role> roles = roles(user.getClaims().get(claim));
		String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
			.getUserNameAttributeName();
		if (!StringUtils.hasText(nameAttribute)) {
			nameAttribute = user.getClaims().get("preferred_username") != null ? "preferred_username" : "sub";
		}
		if (roles.isEmpty()) {
			log.info("Single sign-on: '{}' has no Forewarn role in claim '{}'; signed in, nothing allowed",
					user.getClaims().get(nameAttribute), claim);
		}
		return new DefaultOidcUser(SecurityConfiguration.authorities(roles), user.getIdToken(), user.getUserInfo(),
				nameAttribute);
	}

	/** The Forewarn roles named in the claim's value; anything else is ignored. */
	static Set<Role> roles(Object value) {
		Collection<?> values;
		if (value instanceof Collection<?> list) {
			values = list;
		}
		else if (value instanceof String text) {
			values = Arrays.asList(text.split("[,\\s]+"));
		}
		else {
			return Set.of();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object v : values) {
			String name = String.valueOf(v).trim().toUpperCase(Locale.ROOT);
			Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).forEach(roles::add);
		}
		return roles;
	}
}
