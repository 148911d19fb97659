package org.forewarn.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.forewarn.event.EventStore;
import org.forewarn.outreach.Detection;
import org.forewarn.outreach.DetectionStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.StatusChange;
import org.springframework.stereotype.Component;

/** A customer's story in time order: events, detections and resolutions, and every step of every outreach. */
@Component
class CustomerTimeline {

	/** At most this many entries, the latest, on one page. */
	static final int LIMIT = 500;

	record Entry(Instant at, String kind, String summary, String orderId, String detail) {
	}

	/** The entries (latest first), whether older ones were left out, and the outreach records with their steps. */
	record Timeline(List<Entry> entries, boolean truncated, List<Outreach> outreach,
			Map<String, List<StatusChange>> steps) {
	}

	private final EventStore events;
	private final DetectionStore detections;
	private final OutreachStore outreach;

	CustomerTimeline(EventStore events, DetectionStore detections, OutreachStore outreach) {
		this.events = events;
		this.detections = detections;
		this.outreach = outreach;
	}

	Timeline of(String customerId) {
		List<Entry> entries = new ArrayList<>();
		events.findByCustomer(customerId).forEach(e -> entries.add(new Entry(e.instant(), "event", e.type(),
				e.orderId(), e.data() == null || e.data().isEmpty() ? null : e.data().toString())));
		for (Detection d : detections.findByCustomer(customerId)) {
			String order = d.subject().isEmpty() ? null : d.subject();
			entries.add(new Entry(d.detectedAt(), "detection", d.problem() + " detected by rule '" + d.rule()
					+ "' (rule set " + d.ruleVersion() + ")", order, d.explanation()));
			if (d.resolvedAt() != null) {
				entries.add(new Entry(d.resolvedAt(), "resolution", d.problem() + " " + d.resolvedReason(), order,
						null));
			}
		}
		List<Outreach> records = new ArrayList<>(outreach.findByCustomer(customerId));
		Map<String, List<StatusChange>> steps = new java.util.LinkedHashMap<>();
		for (Outreach o : records) {
			List<StatusChange> history = outreach.history(o.id());
			steps.put(o.id(), history);
			for (StatusChange change : history) {
				entries.add(new Entry(change.at(), "outreach", o.channel() + " '" + o.template() + "' about "
						+ o.problem() + ": " + change.status(), o.orderId(), change.reason()));
			}
		}
		entries.sort(Comparator.comparing(Entry::at).reversed());
		records.sort(Comparator.comparing(Outreach::decidedAt).reversed());
		boolean truncated = entries.size() > LIMIT;
		return new Timeline(truncated ? entries.subList(0, LIMIT) : entries, truncated, records, steps);
	}
}
