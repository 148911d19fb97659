package org.forewarn.shared;

import java.time.temporal.ChronoUnit;

/** How finely the database keeps a time (PostgreSQL's and H2's timestamps). */
public final class StoredTime {

	/**
	 * Times decided by Forewarn are kept to this unit before they are compared or stored: a time with nanoseconds
	 * would be stored rounded up, past the moment it was decided at.
	 */
	public static final ChronoUnit PRECISION = ChronoUnit.MICROS;

	private StoredTime() {
	}
}
