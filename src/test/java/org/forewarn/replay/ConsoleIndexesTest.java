package org.forewarn.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's indexes leave a replay's own database only, whatever database Flyway is given. */
class ConsoleIndexesTest {

	@Test
	void aReplaySessionsDatabaseHasTheIndexesItsReadsUseButNotTheConsoles() throws SQLException {
		try (ReplaySession session = ReplaySession.start(List.of()); Connection connection = session.connect()) {
			assertThat(outreachIndexes(connection)).contains("outreach_customer_channel_sent", "outreach_status_send_at")
				.doesNotContainAnyElementsOf(ConsoleIndexes.NAMES);
		}
	}

	@Test
	void aReplayDatabaseLosesTheConsolesIndexes() throws SQLException {
		String url = ReplaySession.DATABASE + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

		migrate(url);

		assertThat(outreachIndexes(url)).contains("outreach_customer_channel_sent")
			.doesNotContainAnyElementsOf(ConsoleIndexes.NAMES);
	}

	@Test
	void anyOtherDatabaseKeepsThem(@TempDir Path folder) throws SQLException {
		String url = "jdbc:h2:file:" + folder.resolve("kept");

		migrate(url);

		assertThat(outreachIndexes(url)).containsAll(ConsoleIndexes.NAMES);
	}

	private static void migrate(String url) {
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.callbacks(new ConsoleIndexes())
			.load()
			.migrate();
	}

	private static List<String> outreachIndexes(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			return outreachIndexes(connection);
		}
	}

	private static List<String> outreachIndexes(Connection connection) throws SQLException {
		List<String> indexes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select lower(index_name) from information_schema.indexes "
						+ "where table_schema = 'PUBLIC' and table_name = 'OUTREACH'")) {
			while (rows.next()) {
				indexes.add(rows.getString(1));
			}
		}
		return indexes;
	}
}
