package org.forewarn.security;

import java.time.Instant;

/** One change to users or tokens: when, by whom, what ({@code user added}, {@code token revoked}...), whose. */
record AccountChange(Instant at, String actor, String action, String name, String roles) {
}
