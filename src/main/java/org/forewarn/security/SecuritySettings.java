package org.forewarn.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code forewarn.security.*}).
 *
 * @param initialAdminPassword on a first start with no user, the password of the {@code admin} user created with
 * every role; when empty a random one is generated and written to {@code dataFolder/initial-admin-password}
 * @param dataFolder where the generated initial admin password is written (owner-only), next to the H2 database
 * @param oidc single sign-on through OpenID Connect (used when a {@code spring.security.oauth2.client} registration
 * is configured)
 */
@ConfigurationProperties("forewarn.security")
record SecuritySettings(String initialAdminPassword, @DefaultValue("data") Path dataFolder, @DefaultValue Oidc oidc) {

	/** @param rolesClaim the claim that lists a user's Forewarn roles */
	record Oidc(@DefaultValue("roles") String rolesClaim) {
	}

	Path initialAdminPasswordFile() {
		return dataFolder.resolve("initial-admin-password");
	}
}
