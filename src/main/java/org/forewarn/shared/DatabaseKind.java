package org.forewarn.shared;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Which database a store writes to, for the few statements H2 and PostgreSQL spell differently. */
public final class DatabaseKind {

	private DatabaseKind() {
	}

	/**
	 * PostgreSQL skips a duplicate key in the statement ({@code on conflict do nothing}); there a failed insert would
	 * spoil the whole transaction, while H2 only fails the statement.
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
