package org.forewarn.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a signed-in user or API token may do. {@code reviewer} includes {@code support}; {@code admin} includes
 * every role (see {@link SecurityConfiguration#roleHierarchy()}).
 */
enum Role {

	/** the follow-up queue, customer timelines, outreach search */
	SUPPORT,
	/** support's, plus approving or rejecting outreach held for review */
	REVIEWER,
	/** the running rules and reloading them */
	RULES,
	/** POST /api/events only (machines) */
	INTAKE,
	/** GET /actuator/prometheus only (a metrics scraper) */
	METRICS,
	/** a customer's data: export it, erase it (data protection requests) */
	PRIVACY,
	/** everything, users and tokens included */
	ADMIN;

	String lowerCase() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code support,reviewer}; an unknown name is an error naming the valid ones. */
	static Set<Role> parse(String list) {
		if (list == null || list.isBlank()) {
			throw new IllegalArgumentException("--roles: give at least one of " + names());
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : list.split(",")) {
			String trimmed = name.trim().toUpperCase(Locale.ROOT);
			if (Arrays.stream(values()).noneMatch(r -> r.name().equals(trimmed))) {
				throw new IllegalArgumentException("--roles: unknown role '" + name.trim() + "'; one of " + names());
			}
			roles.add(valueOf(trimmed));
		}
		return roles;
	}

	static String join(Set<Role> roles) {
		return roles.stream().map(Role::lowerCase).collect(Collectors.joining(","));
	}

	static String names() {
		return Arrays.stream(values()).map(Role::lowerCase).collect(Collectors.joining(", "));
	}
}
