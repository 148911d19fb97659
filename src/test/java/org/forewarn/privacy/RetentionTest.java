package org.forewarn.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.SimulatedForewarn;
import org.forewarn.TestEvents;
import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.Outreach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on a clock the test moves: what has outlived its period loses its personal data, what is newer keeps
 * it, records and statuses stay, and pruned event ids still make a redelivered event a duplicate.
 */
class RetentionTest {

	private static final Instant MONDAY = Instant.parse("2026-01-05T10:00:00Z");
	private static final String EMAIL = "ret.customer@privacy.example";
	private static final String NAME = "Retta Keepsake";
	private static final String PHONE = "+15550001111";

	@Test
	void prunesWhatIsOldAndKeepsWhatIsNew() throws Exception {
		try (SimulatedForewarn app = SimulatedForewarn.start(MONDAY, "--forewarn.retention.batch-size=2")) {
			JdbcClient db = JdbcClient.create(app.bean(DataSource.class));
			Retention retention = app.bean(Retention.class);
			feed(app, "{\"id\":\"r1\",\"type\":\"customer.updated\",\"time\":\"" + MONDAY + "\",\"customerId\":\"rc\","
					+ "\"data\":{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE + "\",\"name\":\"" + NAME
					+ "\",\"timeZone\":\"UTC\",\"consent\":{\"email\":true,\"sms\":false}}}");
			feed(app, TestEvents.simple("ro1", "order.placed", MONDAY, "rc", "ro1", "{\"shipBy\":\""
					+ MONDAY.plus(Duration.ofHours(1)) + "\",\"promisedBy\":\"" + MONDAY.plus(Duration.ofDays(6))
					+ "\"}"));
			app.advance(Duration.ofHours(26));
			feed(app, TestEvents.simple("rf1", "account.feedback", app.now(), "rc", null,
					"{\"score\":1,\"scale\":\"csat5\",\"comment\":\"" + NAME + " is unhappy\"}"));
			app.advance(Duration.ofMinutes(5));
			Outreach task = app.outreach("rc").stream().filter(o -> o.channel().equals("task")).findFirst()
				.orElseThrow();
			assertThat(app.post("/api/followups/" + task.id() + "/resolve", "{\"note\":\"rang " + PHONE + "\"}")
				.statusCode()).isEqualTo(200);
			Outreach email = app.outreach("rc").stream().filter(o -> o.channel().equals("email")).findFirst()
				.orElseThrow();
			assertThat(email.status().name()).isEqualTo("SENT");
			assertThat(messages(db, email, task)).isEqualTo(2);
			assertThat(explanation(db, task.id())).contains(NAME);

			// 100 days on: only event payloads are past their period (90 days)
			app.advance(Duration.ofDays(100));
			feed(app, "{\"id\":\"r2\",\"type\":\"customer.updated\",\"time\":\"" + app.now() + "\",\"customerId\":\"rc\","
					+ "\"data\":{\"email\":\"second." + EMAIL + "\"}}");
			Retention.Pruned first = retention.prune();
			assertThat(first.eventPayloads()).as("the first day's events, timers among them").isGreaterThanOrEqualTo(3);
			assertThat(payload(db, "r1")).doesNotContain(EMAIL, PHONE, NAME).contains("\"rc\"", "\"consent\"");
			assertThat(payload(db, "rf1")).doesNotContain(NAME).contains("\"score\":1", "\"scale\":\"csat5\"");
			assertThat(payload(db, "r2")).as("newer than 90 days").contains("second." + EMAIL);
			assertThat(messages(db, email, task)).as("messages are kept 180 days").isEqualTo(2);
			assertThat(reason(db, task.id())).contains(PHONE);
			assertThat(retention.prune().eventPayloads()).as("nothing left to prune").isZero();

			// 200 days on: messages and outreach details of the first week go; the newer event keeps its data
			app.advance(Duration.ofDays(100));
			Retention.Pruned second = retention.prune();
			assertThat(second.messages()).isGreaterThanOrEqualTo(2);
			assertThat(messages(db, email, task)).isZero();
			assertThat(reason(db, task.id())).isEqualTo("resolved by admin");
			assertThat(db.sql("select reason from outreach_status_change where outreach_id = ? order by seq")
				.param(task.id()).query(String.class).list()).contains("resolved by admin")
				.noneMatch(r -> r != null && r.contains(PHONE));
			assertThat(explanation(db, task.id())).isNull();
			assertThat(explanation(db, email.id())).isNull();
			assertThat(db.sql("select count(*) from outreach_attempt where detail is not null").query(Integer.class)
				.single()).isZero();
			assertThat(payload(db, "r2")).as("100 days old now: pruned").doesNotContain(EMAIL);
			assertThat(DatabaseScan.find(app.bean(DataSource.class), List.of(EMAIL, PHONE, NAME)).hits())
				.as("a customer quiet for longer than every period has left no personal data outside their state")
				.allMatch(hit -> hit.table().equalsIgnoreCase("customer_state"));

			// records, statuses and event ids stay
			assertThat(app.outreach("rc")).extracting(o -> o.id() + " " + o.status()).contains(email.id() + " SENT",
					task.id() + " RESOLVED");
			assertThat(app.feed("{\"id\":\"r1\",\"type\":\"customer.updated\",\"time\":\"" + MONDAY
					+ "\",\"customerId\":\"rc\",\"data\":{}}").status()).isEqualTo(IntakeResult.Status.DUPLICATE);
		}
	}

	private static void feed(SimulatedForewarn app, String event) {
		assertThat(app.feed(event).status()).as(event).isEqualTo(IntakeResult.Status.ACCEPTED);
	}

	private static int messages(JdbcClient db, Outreach... of) {
		return db.sql("select count(*) from rendered_message where outreach_id in (?, ?)")
			.params(of[0].id(), of[1].id()).query(Integer.class).single();
	}

	private static String payload(JdbcClient db, String eventId) {
		return db.sql("select payload from event where id = ?").param(eventId).query(String.class).single();
	}

	private static String reason(JdbcClient db, String outreachId) {
		return db.sql("select status_reason from outreach where id = ?").param(outreachId).query(String.class).single();
	}

	private static String explanation(JdbcClient db, String outreachId) {
		return db.sql("select explanation from outreach where id = ?").param(outreachId).query(String.class)
			.optional().orElse(null);
	}
}
