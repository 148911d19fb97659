package org.forewarn.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Reads every value of every column of every table in the application's schema (found through JDBC metadata, so a
 * table added later is scanned too) and reports where any of the searched texts occurs, ignoring case. Binary
 * columns (Quartz's job data) are read as bytes.
 */
final class DatabaseScan {

	private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY,
			Types.LONGVARBINARY);

	private DatabaseScan() {
	}

	record Hit(String table, String column, String text) {
	}

	/** Result: the hits, and how many tables and columns were read. */
	record Result(List<Hit> hits, int tables, int columns) {
	}

	static Result find(DataSource dataSource, List<String> texts) throws SQLException {
		List<Hit> hits = new ArrayList<>();
		int tables = 0;
		int columns = 0;
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			List<String[]> all = new ArrayList<>();
			try (ResultSet rs = meta.getTables(null, null, "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String schema = rs.getString("TABLE_SCHEM");
					if (schema != null && Set.of("information_schema", "pg_catalog")
						.contains(schema.toLowerCase(Locale.ROOT))) {
						continue;
					}
					all.add(new String[] { schema, rs.getString("TABLE_NAME") });
				}
			}
			for (String[] table : all) {
				tables++;
				List<String> names = new ArrayList<>();
				List<Integer> types = new ArrayList<>();
				try (ResultSet rs = meta.getColumns(null, table[0], table[1], "%")) {
					while (rs.next()) {
						names.add(rs.getString("COLUMN_NAME"));
						types.add(rs.getInt("DATA_TYPE"));
					}
				}
				columns += names.size();
				String from = (table[0] == null ? "" : quote(table[0]) + ".") + quote(table[1]);
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("select * from " + from)) {
					while (rows.next()) {
						for (int i = 0; i < names.size(); i++) {
							String value = read(rows, i + 1, types.get(i));
							if (value == null) {
								continue;
							}
							String lower = value.toLowerCase(Locale.ROOT);
							for (String text : texts) {
								if (lower.contains(text.toLowerCase(Locale.ROOT))) {
									hits.add(new Hit(table[1], names.get(i), text));
								}
							}
						}
					}
				}
			}
		}
		return new Result(hits, tables, columns);
	}

	private static String read(ResultSet rows, int column, int type) throws SQLException {
		if (BINARY.contains(type)) {
			byte[] bytes = rows.getBytes(column);
			return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
		}
		return rows.getString(column);
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}
}
