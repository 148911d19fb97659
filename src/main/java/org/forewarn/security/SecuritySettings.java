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
 */
@ConfigurationProperties("forewarn.security")
record SecuritySettings(String initialAdminPassword, @DefaultValue("data") Path dataFolder) {

	Path initialAdminPasswordFile() {
		return dataFolder.resolve("initial-admin-password");
	}
}
