package org.forewarn.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console page times with 100,000 outreach records (and 50,000 detections) in the embedded H2 database: each page
 * requested 15 times by a signed-in browser session after 3 warm-up requests, median and slowest written to
 * {@code target/bench/console-pages.txt}. Measured over HTTP on localhost, so slightly above server time. Not part
 * of the normal test run: {@code ./mvnw -B -q test -Dtest=ConsolePagesBench}.
 * <p>
 * Medians in ms on 2 shared cores with other builds running, before and after the follow-up queue, Today and
 * Outcomes were made to read along indexes (after: one run at a load average of 5-9, one at 3-4):
 * <pre>
 * page                                              before  after  after
 * /                                                    182     84     43
 * /followups                                           878    283    128
 * /followups?problem=churn.risk&amp;age=3d                 639    164     91
 * /followups?assignee=lea                              351    204     71
 * /review                                               72     90     45
 * /customers/c-123                                      36     47     26
 * /outreach (six searches)                          23-95  26-70  20-37
 * /needs-a-person                                       68     39     50
 * /rules                                                36     12     16
 * /outcomes                                            263     25     20
 * </pre>
 * On a machine under heavier load (average near 20) the same pages had taken 5 s (Today), 0.7-4.2 s (follow-ups)
 * and 1.5 s (Outcomes) before.
 */
class ConsolePagesBench {

	private static final int RECORDS = 100_000;
	private static final int CUSTOMERS = 20_000;
	private static final int RUNS = 15;
	private static final String[] STATUSES = { "SENT", "SENT", "SENT", "SENT", "DELIVERED", "DELIVERED", "CANCELLED",
			"SUPPRESSED", "SCHEDULED", "OPEN", "CLAIMED", "RESOLVED", "PENDING_REVIEW", "FAILED", "EXPIRED" };
	private static final String[] PROBLEMS = { "order.not_shipped", "shipment.late", "shipment.stalled",
			"payment.failed", "churn.risk" };

	@TempDir
	Path data;

	@Test
	void measure() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			long seeding = System.nanoTime();
			seed(app.bean(DataSource.class), Instant.now());
			List<String> report = new ArrayList<>();
			report.add("Console page times with " + RECORDS + " outreach records (" + CUSTOMERS + " customers), H2, "
					+ Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "; seeding took "
					+ Duration.ofNanos(System.nanoTime() - seeding).toSeconds() + " s");
			Session admin = Session.signIn(app.port());
			for (String page : List.of("/", "/followups", "/followups?problem=churn.risk&age=3d",
					"/followups?assignee=lea", "/review", "/customers/c-123", "/outreach",
					"/outreach?status=SENT&channel=email", "/outreach?problem=shipment.late&from=2026-01-01",
					"/outreach?rule=rule-7", "/outreach?customer=c-4567", "/outreach?page=1000", "/needs-a-person",
					"/rules", "/outcomes")) {
				long[] millis = new long[RUNS];
				for (int i = -3; i < RUNS; i++) {
					long start = System.nanoTime();
					HttpResponse<String> response = admin.get(page);
					long took = (System.nanoTime() - start) / 1_000_000;
					assertThat(response.statusCode()).as(page).isEqualTo(200);
					if (i >= 0) {
						millis[i] = took;
					}
				}
				Arrays.sort(millis);
				report.add(String.format("%-55s median %4d ms, slowest %4d ms", page, millis[RUNS / 2],
						millis[RUNS - 1]));
			}
			Path file = Path.of("target", "bench", "console-pages.txt");
			Files.createDirectories(file.getParent());
			Files.write(file, report);
			report.forEach(System.out::println);
		}
	}

	/** Outreach in every status over the last 60 days, each with its first history step, and detections. */
	private static void seed(DataSource dataSource, Instant now) throws Exception {
		try (Connection db = dataSource.getConnection()) {
			db.setAutoCommit(false);
			try (PreparedStatement outreach = db.prepareStatement("insert into outreach (id, dedupe_key, customer_id, "
					+ "order_id, rule_name, rule_version, problem, channel, template, decided_at, send_at, status, "
					+ "status_reason, sent_at, explanation, updated_at, provider_code, review_until, not_later_than) "
					+ "values (?, ?, ?, ?, ?, 'v1', ?, ?, 'shipment_late', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
					PreparedStatement history = db.prepareStatement("insert into outreach_status_change "
							+ "(outreach_id, changed_at, status, reason) values (?, ?, ?, ?)")) {
				for (int i = 0; i < RECORDS; i++) {
					String status = STATUSES[i % STATUSES.length];
					String channel = status.equals("OPEN") || status.equals("CLAIMED") || status.equals("RESOLVED")
							? "task" : i % 3 == 0 ? "sms" : "email";
					Instant decided = now.minusSeconds((long) (i * 51.84));
					Timestamp at = Timestamp.from(decided);
					String id = String.format("bench%019d", i);
					outreach.setString(1, id);
					outreach.setString(2, "bench|" + i);
					outreach.setString(3, "c-" + (i % CUSTOMERS));
					outreach.setString(4, "o-" + i);
					outreach.setString(5, "rule-" + (i % 40));
					outreach.setString(6, PROBLEMS[i % PROBLEMS.length]);
					outreach.setString(7, channel);
					outreach.setTimestamp(8, at);
					outreach.setTimestamp(9, at);
					outreach.setString(10, status);
					outreach.setString(11, switch (status) {
						case "SUPPRESSED" -> i % 2 == 0 ? "frequency cap" : "no sms consent";
						case "CLAIMED" -> i % 2 == 0 ? "claimed by lea" : "claimed by max";
						case "FAILED" -> i % 2 == 0 ? "SMTP 550 mailbox unavailable" : "may have gone out: reset";
						default -> null;
					});
					outreach.setTimestamp(12, status.equals("SENT") || status.equals("DELIVERED") ? at : null);
					outreach.setString(13, "Rule 'rule-" + (i % 40) + "' decided on event e-" + i + ".");
					outreach.setTimestamp(14, at);
					outreach.setString(15, status.equals("FAILED") ? (i % 2 == 0 ? "SMTP 550" : "interrupted") : null);
					outreach.setTimestamp(16, status.equals("PENDING_REVIEW") ? Timestamp.from(decided.plusSeconds(86_400))
							: null);
					outreach.setTimestamp(17, status.equals("OPEN") ? Timestamp.from(decided.plusSeconds(172_800)) : null);
					outreach.addBatch();
					history.setString(1, id);
					history.setTimestamp(2, at);
					history.setString(3, status);
					history.setString(4, null);
					history.addBatch();
					if (i % 5_000 == 4_999) {
						outreach.executeBatch();
						history.executeBatch();
					}
				}
				outreach.executeBatch();
				history.executeBatch();
			}
			try (PreparedStatement detection = db.prepareStatement("insert into detection (customer_id, problem, "
					+ "subject, rule_name, rule_version, detected_at, explanation) values (?, ?, ?, ?, 'v1', ?, ?)")) {
				for (int i = 0; i < RECORDS / 2; i++) {
					detection.setString(1, "c-" + (i % CUSTOMERS));
					detection.setString(2, PROBLEMS[i % PROBLEMS.length]);
					detection.setString(3, "o-" + i);
					detection.setString(4, "rule-" + (i % 40));
					detection.setTimestamp(5, Timestamp.from(now.minusSeconds(i * 100L)));
					detection.setString(6, "matched");
					detection.addBatch();
					if (i % 5_000 == 4_999) {
						detection.executeBatch();
					}
				}
				detection.executeBatch();
			}
			db.commit();
		}
	}

	/** A browser's session signed in as admin through the sign-in form. */
	private record Session(HttpClient client, String base) {

		static Session signIn(int port) throws Exception {
			Session session = new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
					"http://localhost:" + port);
			Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(session.get("/login").body());
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> signedIn = session.client.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Credentials.ADMIN_PASSWORD
						+ "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			return session;
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}
}
