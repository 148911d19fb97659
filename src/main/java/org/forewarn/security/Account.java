package org.forewarn.security;

import java.util.Set;

/** A user (with its password hash) or an API token (hash null here), and its roles. */
record Account(String name, String passwordHash, Set<Role> roles) {
}
