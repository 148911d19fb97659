package org.forewarn;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * For tests of a store on H2 and on PostgreSQL ({@code @RegisterExtension static}): a fresh migrated database of
 * either; the embedded PostgreSQL server starts on the first one asked of it and stops after the test class.
 */
public final class BothDatabases implements AfterAllCallback {

	private EmbeddedPostgres postgres;

	/** A fresh database, {@code h2} or {@code postgresql}, with Forewarn's migrations applied. */
	public DataSource fresh(String vendor) {
		return switch (vendor) {
			case "h2" -> MigratedH2.dataSource();
			case "postgresql" -> MigratedPostgres.dataSource(server());
			default -> throw new IllegalArgumentException("no database '" + vendor + "': h2 or postgresql");
		};
	}

	private synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
			}
		}
		return postgres;
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}
}
