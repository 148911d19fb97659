package org.forewarn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/events}: one event or an array, answered per event, through the {@link EventEntry}. */
@RestController
class EventController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventEntry entry;

	EventController(EventEntry entry) {
		this.entry = entry;
	}

	@PostMapping(path = "/api/events", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Map<String, Object>> post(@RequestBody String body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			return ResponseEntity.badRequest().body(Map.of("results", List.of(new IntakeResult(null, null,
					IntakeResult.Status.REJECTED, "event: not valid JSON (" + e.getOriginalMessage() + ")"))));
		}
		if (root == null || !root.isArray()) {
			IntakeResult result = entry.enter(root);
			int status = switch (result.status()) {
				case ACCEPTED -> 202;
				case DUPLICATE -> 200;
				case REJECTED -> 400;
				case FAILED -> 503;
			};
			return ResponseEntity.status(status).body(Map.of("results", List.of(result)));
		}
		List<IntakeResult> results = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			results.add(entry.enter(root.get(i)).at(i));
		}
		return ResponseEntity.ok(Map.of("results", results, "accepted", count(results, IntakeResult.Status.ACCEPTED),
				"duplicates", count(results, IntakeResult.Status.DUPLICATE), "rejected",
				count(results, IntakeResult.Status.REJECTED) + count(results, IntakeResult.Status.FAILED)));
	}

	private static long count(List<IntakeResult> results, IntakeResult.Status status) {
		return results.stream().filter(r -> r.status() == status).count();
	}
}
