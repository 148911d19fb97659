package org.forewarn.followup;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Support leads work the follow-up queue: a low rating opens a task they can claim and resolve, once. */
class FollowupsApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void aLowRatingOpensATaskThatIsClaimedThenResolved() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			app.post("/api/events", "{\"id\":\"fu-1\",\"type\":\"account.feedback\",\"time\":\"" + now
					+ "\",\"customerId\":\"fu-c\",\"data\":{\"score\":1,\"scale\":\"csat5\",\"orderId\":\"fu-o\","
					+ "\"comment\":\"never again\"}}");

			JsonNode queue = JSON.readTree(app.get("/api/followups").body());
			assertThat(queue).hasSize(1);
			JsonNode task = queue.get(0);
			String id = task.get("task").get("id").asString();
			assertThat(task.get("task").get("status").asString()).isEqualTo("OPEN");
			assertThat(task.get("title").asString()).isEqualTo("Low rating from fu-c");
			assertThat(task.get("task").get("explanation").asString()).contains("churn-low-rating",
					"never again");

			HttpCaller lea = app.asNewUser("lea", "support");
			assertThat(lea.post("/api/followups/" + id + "/claim", "{\"by\":\"lea\"}").statusCode())
				.as("who did it is the signed-in user, not the body").isEqualTo(400);
			HttpResponse<String> claimed = lea.post("/api/followups/" + id + "/claim", "{\"note\":\"calling now\"}");
			assertThat(JSON.readTree(claimed.body()).get("task").get("statusReason").asString())
				.isEqualTo("claimed by lea: calling now");
			HttpResponse<String> tooLong = lea.post("/api/followups/" + id + "/resolve",
					"{\"note\":\"" + "x".repeat(Notes.MAX + 1) + "\"}");
			assertThat(tooLong.statusCode()).as("refused, not cut to fit").isEqualTo(400);
			assertThat(JSON.readTree(tooLong.body()).get("detail").asString())
				.isEqualTo("note: longer than 800 characters");
			HttpResponse<String> resolved = lea.post("/api/followups/" + id + "/resolve",
					"{\"note\":\"called, voucher sent\"}");
			assertThat(JSON.readTree(resolved.body()).get("task").get("status").asString()).isEqualTo("RESOLVED");
			assertThat(JSON.readTree(resolved.body()).get("task").get("statusReason").asString())
				.isEqualTo("resolved by lea: called, voucher sent");

			assertThat(app.post("/api/followups/" + id + "/claim", "{}").statusCode()).isEqualTo(409);
			assertThat(app.post("/api/followups/nope/claim", "{}").statusCode()).isEqualTo(404);
			assertThat(JSON.readTree(app.get("/api/followups").body())).isEmpty();
			assertThat(JSON.readTree(app.get("/api/followups?status=ALL").body()).get(0).get("history"))
				.extracting(change -> change.get("status").asString())
				.containsExactly("SCHEDULED", "OPEN", "CLAIMED", "RESOLVED");
			assertThat(JSON.readTree(app.get("/api/followups?status=ALL").body()).get(0).get("history"))
				.as("who did each step: the signed-in user for people's steps, nobody for Forewarn's")
				.extracting(change -> change.has("actor") ? change.get("actor").asString() : null)
				.containsExactly(null, null, "lea", "lea");
		}
	}
}
