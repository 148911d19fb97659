package org.forewarn.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** How the database keeps a time (PostgreSQL's and H2's timestamps): how finely, and at which offset. */
public final class StoredTime {

	/**
	 * Times decided by Forewarn are kept to this unit before they are compared or stored: a time with nanoseconds
	 * would be stored rounded up, past the moment it was decided at.
	 */
	public static final ChronoUnit PRECISION = ChronoUnit.MICROS;

	/**
	 * The instant as a timestamp column keeps it: to the microsecond, the nearest one (for stores kept in memory);
	 * null stays null.
	 */
	public static Instant asStored(Instant instant) {
		return instant == null ? null : instant.plusNanos(500).truncatedTo(PRECISION);
	}

	/** The instant as a timestamp column takes it, at UTC; null stays null. */
	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** A timestamp column's value read back as an instant; null stays null. */
	public static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** As {@link #instant(ResultSet, int)}, by the column's name. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return instant(rs, rs.findColumn(column));
	}

	private StoredTime() {
	}
}
