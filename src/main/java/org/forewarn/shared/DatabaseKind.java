package org.forewarn.shared;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Which database a store writes to, for the few statements H2 and PostgreSQL spell differently. */
public final class DatabaseKind {

	private DatabaseKind() {
	}

	/**
	 * Whether this is PostgreSQL: it skips or replaces a duplicate key in the statement ({@code on conflict}), where a
	 * failed insert would spoil the whole transaction (H2 only fails the statement), and it has data-modifying
	 * {@code with} clauses.
	 */
	public static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
		}
	}
}
