package org.forewarn.outreach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V90: stored records of the shipped rules move from the rule's name to its id; other rules keep their name. It runs
 * on H2 and PostgreSQL, and again after a start that died half-way through it.
 */
class RuleIdMigrationTest {

	private static final String LATE = "shipment.late: not delivered a day before the promised date";

	@Test
	void dedupeKeysRuleColumnsAndDetectionsOfShippedRulesHoldTheIdAfterwards() throws Exception {
		migrateAndCheck(h2(), "h2", false);
	}

	/** H2 commits a create table at once: a start that died mid-way leaves the mapping table behind. */
	@Test
	void aRetryAfterACrashHalfWayThroughFinishesTheJobOnH2() throws Exception {
		migrateAndCheck(h2(), "h2", true);
	}

	@Test
	void runsOnPostgresqlToo() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				Connection admin = postgres.getPostgresDatabase().getConnection();
				Statement sql = admin.createStatement()) {
			sql.execute("create database retried");
			migrateAndCheck(new Db(postgres.getJdbcUrl("postgres", "postgres"), "postgres"), "postgresql", false);
			migrateAndCheck(new Db(postgres.getJdbcUrl("postgres", "retried"), "postgres"), "postgresql", true);
		}
	}

	private record Db(String url, String user) {
	}

	private static Db h2() {
		return new Db("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
	}

	/**
	 * With {@code crashed}, the state a start that died inside V90 leaves on H2: the mapping table created and
	 * filled, and one dedupe key already rewritten, but V90 not recorded as applied.
	 */
	private static void migrateAndCheck(Db db, String dialect, boolean crashed) throws Exception {
		flyway(db, dialect, "80").migrate();
		try (Connection c = DriverManager.getConnection(db.url(), db.user(), ""); Statement sql = c.createStatement()) {
			insert(sql, "a", "c1|shipment.late|o1|" + LATE, "o1", LATE);
			insert(sql, "b", "c1|shipment.late|o2|" + LATE + "|stale", "o2", LATE);
			insert(sql, "c", "c1|churn.risk||churn.risk: low rating|step 2", null, "churn.risk: low rating");
			insert(sql, "d", "fallback|a|email", "o1", LATE);
			insert(sql, "e", "c1|shipment.late|o3|my own rule", "o3", "my own rule");
			sql.execute("insert into detection (customer_id, problem, subject, rule_name, rule_version, detected_at)"
					+ " values ('c1', 'shipment.late', 'o1', '" + LATE + "', 'v1', current_timestamp)");
			if (crashed) {
				sql.execute("create table rule_id_rename (rule_name varchar(300) primary key, rule_id varchar(80))");
				sql.execute("insert into rule_id_rename values ('" + LATE + "', 'shipment-late-notice')");
				sql.execute("update outreach set dedupe_key = 'c1|shipment.late|o1|shipment-late-notice' "
						+ "where id = 'a'");
			}

			flyway(db, dialect, null).migrate();

			assertThat(rows(sql, "select id, dedupe_key, rule_name from outreach order by id")).containsExactly(
					"a c1|shipment.late|o1|shipment-late-notice shipment-late-notice",
					"b c1|shipment.late|o2|shipment-late-notice|stale shipment-late-notice",
					"c c1|churn.risk||churn-low-rating|step 2 churn-low-rating",
					"d fallback|a|email shipment-late-notice",
					"e c1|shipment.late|o3|my own rule my own rule");
			assertThat(rows(sql, "select rule_name from detection")).containsExactly("shipment-late-notice");
			assertThat(rows(sql, "select count(*) from information_schema.tables where lower(table_name) = "
					+ "'rule_id_rename'")).as("the mapping table is gone").containsExactly("0");
		}
	}

	private static Flyway flyway(Db db, String dialect, String target) {
		var config = Flyway.configure().dataSource(db.url(), db.user(), "")
			.locations("classpath:db/migration/common", "classpath:db/migration/" + dialect);
		return (target == null ? config : config.target(target)).load();
	}

	private static void insert(Statement sql, String id, String key, String order, String rule) throws Exception {
		sql.execute("insert into outreach (id, dedupe_key, customer_id, order_id, rule_name, rule_version, problem, "
				+ "channel, template, decided_at, send_at, status, updated_at) values ('" + id + "', '" + key
				+ "', 'c1', " + (order == null ? "null" : "'" + order + "'") + ", '" + rule + "', 'v1', '"
				+ key.split("\\|")[1] + "', 'email', 't', current_timestamp, current_timestamp, 'SENT', "
				+ "current_timestamp)");
	}

	private static List<String> rows(Statement sql, String query) throws Exception {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery(query)) {
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					row.append(i > 1 ? " " : "").append(rs.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}
}
