package org.forewarn.shared;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the stores write to, for the few statements H2 and PostgreSQL spell differently: asked once, at
 * start-up, for every store.
 */
@Component
public final class DatabaseKind {

	private final boolean postgres;

	public DatabaseKind(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
		}
	}

	/**
	 * Whether this is PostgreSQL: it skips or replaces a duplicate key in the statement ({@code on conflict}), where a
	 * failed insert would spoil the whole transaction (H2 only fails the statement), and it has data-modifying
	 * {@code with} clauses.
	 */
	public boolean postgres() {
		return postgres;
	}
}
