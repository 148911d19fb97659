package org.forewarn.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.event.EventParser;
import org.forewarn.event.InvalidEventException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/events}: one event or an array, answered per event, through the {@link EventEntry}. The body is
 * read up to {@code forewarn.intake.max-request-size} (413 beyond), an array up to {@code max-batch} events (400).
 */
@RestController
@Tag(name = "Events", description = "Intake (role intake)")
class EventController {

	private final EventEntry entry;
	private final IntakeSettings settings;

	EventController(EventEntry entry, IntakeSettings settings) {
		this.entry = entry;
		this.settings = settings;
	}

	@Operation(summary = "Submit one event or an array of events",
			description = "Answers per event: ACCEPTED, DUPLICATE, REJECTED (the reason names the field) or FAILED "
					+ "(retry later). One event: 202 accepted, 200 duplicate, 400 rejected, 503 failed. An array: 200 "
					+ "with each event's answer in order and the counts accepted, duplicates, rejected and failed; "
					+ "400 for a body that is not valid JSON or holds more than forewarn.intake.max-batch events "
					+ "(nothing processed). 413 for a body over forewarn.intake.max-request-size. Example: "
					+ "{\"id\":\"e-1\",\"type\":\"order.placed\",\"time\":\"2026-03-02T14:00:00Z\",\"customerId\":\"c-1\","
					+ "\"orderId\":\"o-1\",\"data\":{\"promisedBy\":\"2026-03-06T18:00:00Z\"}}",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true))
	@ApiResponse(responseCode = "413", description = "The body is larger than forewarn.intake.max-request-size")
	@PostMapping(path = "/api/events", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Map<String, Object>> post(HttpServletRequest request) throws IOException {
		long limit = settings.maxRequestSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			return tooLarge(limit);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
		if (body.length > limit) {
			return tooLarge(limit);
		}
		JsonNode root;
		try {
			root = EventParser.tree(body);
		}
		catch (InvalidEventException e) {
			return rejected(400, e.getMessage());
		}
		if (root == null || root.isMissingNode() || !root.isArray()) {
			IntakeResult result = entry.enter(root);
			int status = switch (result.status()) {
				case ACCEPTED -> 202;
				case DUPLICATE -> 200;
				case REJECTED -> 400;
				case FAILED -> 503;
			};
			return ResponseEntity.status(status).body(Map.of("results", List.of(result)));
		}
		if (root.size() > settings.maxBatch()) {
			return rejected(400, "events: " + root.size() + " events in one request, more than "
					+ "forewarn.intake.max-batch (" + settings.maxBatch() + "); send them in smaller batches");
		}
		List<IntakeResult> results = entry.enterAll(root);
		return ResponseEntity.ok(Map.of("results", results, "accepted", count(results, IntakeResult.Status.ACCEPTED),
				"duplicates", count(results, IntakeResult.Status.DUPLICATE), "rejected",
				count(results, IntakeResult.Status.REJECTED), "failed", count(results, IntakeResult.Status.FAILED)));
	}

	private static ResponseEntity<Map<String, Object>> tooLarge(long limit) {
		return rejected(413, "body: larger than forewarn.intake.max-request-size (" + limit + " bytes); send "
				+ "fewer events per request");
	}

	private static ResponseEntity<Map<String, Object>> rejected(int status, String reason) {
		return ResponseEntity.status(status).body(Map.of("results",
				List.of(new IntakeResult(null, null, IntakeResult.Status.REJECTED, reason))));
	}

	private static long count(List<IntakeResult> results, IntakeResult.Status status) {
		return results.stream().filter(r -> r.status() == status).count();
	}
}
