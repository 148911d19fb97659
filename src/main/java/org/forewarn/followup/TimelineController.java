package org.forewarn.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.event.EventJson;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.Detection;
import org.forewarn.outreach.DetectionStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.StatusChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/customers/{id}/timeline}: events, detections and outreach steps of one customer in time order. */
@RestController
@Tag(name = "Customers", description = "A customer's story (role support)")
class TimelineController {

	private final EventStore events;
	private final DetectionStore detections;
	private final OutreachStore outreach;

	TimelineController(EventStore events, DetectionStore detections, OutreachStore outreach) {
		this.events = events;
		this.detections = detections;
		this.outreach = outreach;
	}

	@Operation(summary = "The same, for a customer id a path cannot carry (a slash, a backslash, a semicolon...)")
	@GetMapping("/api/customers/timeline")
	List<TimelineItem> timelineOf(@Parameter(example = "tenant/7") @RequestParam String customerId) {
		return timeline(customerId);
	}

	@Operation(summary = "Events, detections and outreach of one customer, in time order; 404 when none is held")
	@GetMapping("/api/customers/{customerId}/timeline")
	List<TimelineItem> timeline(@Parameter(example = "c-1") @PathVariable String customerId) {
		List<TimelineItem> items = new ArrayList<>();
		events.findByCustomer(customerId).forEach(e -> items.add(new TimelineItem(e.instant(), "event", e.type(),
				e.orderId(), Map.of("event", EventJson.toNode(e)))));
		for (Detection d : detections.findByCustomer(customerId)) {
			String order = d.subject().isEmpty() ? null : d.subject();
			items.add(new TimelineItem(d.detectedAt(), "detection", d.problem() + " detected by rule '" + d.rule() + "'",
					order, Map.of("explanation", String.valueOf(d.explanation()), "ruleVersion", d.ruleVersion())));
			if (d.resolvedAt() != null) {
				items.add(new TimelineItem(d.resolvedAt(), "resolution", d.problem() + " " + d.resolvedReason(), order,
						Map.of()));
			}
		}
		for (Outreach o : outreach.findByCustomer(customerId)) {
			boolean first = true;
			for (StatusChange change : outreach.history(o.id())) {
				// the first step is the decision: name the rule and rule set version; details carry the explanation
				items.add(new TimelineItem(change.at(), "outreach", o.channel() + " '" + o.template() + "' about "
						+ o.problem() + " " + change.status() + (change.reason() == null ? "" : ": " + change.reason())
						+ (first ? " (rule '" + o.rule() + "', rule set " + o.ruleVersion() + ")" : ""),
						o.orderId(), Map.of("outreach", o)));
				first = false;
			}
		}
		if (items.isEmpty()) {
			// an empty answer would look like a known customer without events: a mistyped id must show as one
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no event, detection or outreach is held about "
					+ "customer " + customerId);
		}
		items.sort(Comparator.comparing(TimelineItem::at));
		return items;
	}

	/** One line of a customer's timeline. */
	record TimelineItem(Instant at, String kind, String summary, String orderId, Map<String, Object> details) {
	}
}
