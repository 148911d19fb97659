package org.forewarn.followup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.mail.internet.MimeMessage;
import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.forewarn.Mails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follow-up tasks carry a due time (the rule's {@code .dueWithin}, else the problem's setting), the queue lists the
 * most urgent first, and a task nobody claimed by its due time is escalated: flagged, counted, and emailed to the
 * lead once.
 */
class FollowupEscalationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@TempDir
	Path data;

	@Test
	void aTaskNobodyClaimsByItsDueTimeIsFlaggedCountedAndEmailedOnce() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--spring.mail.host=localhost",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--forewarn.followups.escalation-email=lead@example.com",
				"--forewarn.followups.escalation-check=PT0.2S", "--forewarn.followups.due[churn.risk]=PT2S",
				"--forewarn.rules-watch.enabled=false")) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			// the cancellation rule gives its own due time (4 hours); the low rating gets the problem's 2 seconds
			app.post("/api/events", "{\"id\":\"es-1\",\"type\":\"account.cancel_requested\",\"time\":\"" + now
					+ "\",\"customerId\":\"es-a\",\"data\":{\"reason\":\"too expensive\"}}");
			app.post("/api/events", "{\"id\":\"es-2\",\"type\":\"account.feedback\",\"time\":\"" + now
					+ "\",\"customerId\":\"es-b\",\"data\":{\"score\":1,\"scale\":\"csat5\",\"orderId\":\"es-o\"}}");
			HttpCaller lea = app.asNewUser("lea", "support");

			JsonNode queue = JSON.readTree(lea.get("/api/followups").body());
			assertThat(queue).hasSize(2);
			JsonNode cancel = task(queue, "es-a");
			assertThat(Duration.between(Instant.parse(cancel.get("task").get("sentAt").asString()),
					Instant.parse(cancel.get("task").get("dueAt").asString()))).isEqualTo(Duration.ofHours(4));
			assertThat(queue.get(0).get("task").get("customerId").asString()).as("nearest due time first: " + queue)
				.isEqualTo("es-b");

			await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessages().length == 1);
			MimeMessage mail = greenMail.getReceivedMessages()[0];
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lead@example.com");
			assertThat(mail.getSubject()).isEqualTo("Follow-up past due: Low rating from es-b");
			assertThat(Mails.text(mail)).contains("Customer: es-b", "Problem:  churn.risk");

			JsonNode escalated = task(JSON.readTree(lea.get("/api/followups").body()), "es-b");
			assertThat(escalated.get("escalated").asBoolean()).isTrue();
			assertThat(task(JSON.readTree(lea.get("/api/followups").body()), "es-a").get("escalated").asBoolean())
				.isFalse();
			assertThat(JSON.readTree(lea.get("/api/followups/summary").body()).get("escalated").asInt()).isEqualTo(1);

			Thread.sleep(1000);
			assertThat(greenMail.getReceivedMessages()).as("one email per task").hasSize(1);

			String id = escalated.get("task").get("id").asString();
			assertThat(lea.post("/api/followups/" + id + "/claim", "{}").statusCode()).isEqualTo(200);
			JsonNode claimed = task(JSON.readTree(lea.get("/api/followups?assignee=lea").body()), "es-b");
			assertThat(claimed.get("assignee").asString()).isEqualTo("lea");
			assertThat(claimed.get("escalated").asBoolean()).as("claimed: someone is on it").isFalse();
			JsonNode summary = JSON.readTree(lea.get("/api/followups/summary").body());
			assertThat(summary.get("escalated").asInt()).isZero();
			assertThat(summary.get("claimed").asInt()).isEqualTo(1);
			assertThat(summary.get("open").asInt()).isEqualTo(1);
		}
	}

	private static JsonNode task(JsonNode queue, String customerId) {
		for (JsonNode f : queue) {
			if (f.get("task").get("customerId").asString().equals(customerId)) {
				return f;
			}
		}
		throw new AssertionError("no task for " + customerId + " in " + queue);
	}
}
