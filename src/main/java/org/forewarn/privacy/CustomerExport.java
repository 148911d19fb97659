package org.forewarn.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.StoredMessage;
import org.forewarn.event.EventJson;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.Attempt;
import org.forewarn.outreach.AttemptStore;
import org.forewarn.outreach.Detection;
import org.forewarn.outreach.DetectionStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.outreach.StatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Everything Forewarn holds about one customer as one document: the profile and consent (the stored state as it
 * is), every event, detection, outreach with its history, attempts and rendered message, the follow-up tasks with
 * their notes, and earlier erasures. Read in one transaction, so it is one consistent picture.
 */
class CustomerExport {

	private final EventStore events;
	private final DetectionStore detections;
	private final OutreachStore outreach;
	private final AttemptStore attempts;
	private final ChannelDispatch channels;
	private final PrivacyLog privacyLog;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;

	CustomerExport(EventStore events, DetectionStore detections, OutreachStore outreach, AttemptStore attempts,
			ChannelDispatch channels, PrivacyLog privacyLog, JdbcClient jdbc, TransactionTemplate transaction,
			Clock clock) {
		this.events = events;
		this.detections = detections;
		this.outreach = outreach;
		this.attempts = attempts;
		this.channels = channels;
		this.privacyLog = privacyLog;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	record OutreachData(Outreach record, List<StatusChange> history, List<Attempt> attempts, StoredMessage message) {
	}

	record Followup(String id, String status, String title, String text, List<StatusChange> history) {
	}

	record Consent(boolean email, boolean sms) {
	}

	record Document(String customerId, Instant exportedAt, JsonNode profile, Consent consent, List<JsonNode> events,
			List<Detection> detections, List<OutreachData> outreach, List<Followup> followups,
			List<PrivacyLog.Tombstone> erasures) {
	}

	/** The document, or null when nothing at all is held about the customer. */
	Document export(String customerId) {
		return transaction.execute(tx -> {
			JsonNode profile = jdbc.sql("select state from customer_state where customer_id = ?").param(customerId)
				.query(String.class).optional().map(CustomerExport::readOrText).orElse(null);
			List<JsonNode> eventList = new ArrayList<>();
			events.findByCustomer(customerId).forEach(e -> eventList.add(EventJson.toNode(e)));
			List<OutreachData> outreachList = new ArrayList<>();
			List<Followup> followups = new ArrayList<>();
			for (Outreach o : outreach.findByCustomer(customerId)) {
				StoredMessage message = channels.message(o.id()).orElse(null);
				List<StatusChange> history = outreach.history(o.id());
				outreachList.add(new OutreachData(o, history, attempts.list(o.id()), message));
				if ("task".equals(o.channel())) {
					followups.add(new Followup(o.id(), o.status().name(), message == null ? null : message.subject(),
							message == null ? null : message.body(), history));
				}
			}
			List<PrivacyLog.Tombstone> erasures = privacyLog.tombstones(customerId);
			if (profile == null && eventList.isEmpty() && outreachList.isEmpty() && erasures.isEmpty()) {
				return null;
			}
			return new Document(customerId, clock.instant(), profile, consent(profile), eventList,
					detections.findByCustomer(customerId), outreachList, followups, erasures);
		});
	}

	private static Consent consent(JsonNode profile) {
		JsonNode customer = profile == null ? null : profile.get("customer");
		if (customer == null || !customer.isObject()) {
			return null;
		}
		return new Consent(customer.path("emailConsent").asBoolean(false), customer.path("smsConsent").asBoolean(false));
	}

	/** The stored state as JSON; a state that no longer reads as JSON is given as its text, still complete. */
	private static JsonNode readOrText(String state) {
		try {
			return PersonalText.read(state);
		}
		catch (RuntimeException e) {
			return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(state);
		}
	}

	/** Counts for the audit entry. */
	static String summary(Document document) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("events", document.events().size());
		counts.put("outreach", document.outreach().size());
		return counts.toString();
	}
}
