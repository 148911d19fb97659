package org.forewarn.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;

/** Whether a connection can be had and answers within the timeout: Forewarn's own ability to store anything. */
final class DatabaseHealth {

	private DatabaseHealth() {
	}

	static Health.Builder check(DataSource dataSource, Duration timeout) {
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			int seconds = (int) Math.max(1, timeout.toSeconds());
			if (!connection.isValid(seconds)) {
				return Health.down().withDetail("reason", "the database did not answer within " + timeout);
			}
			return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName())
				.withDetail("answeredInMs", (System.nanoTime() - started) / 1_000_000);
		}
		catch (SQLException e) {
			return Health.down().withDetail("reason", "no connection to the database: " + e.getMessage());
		}
	}
}
