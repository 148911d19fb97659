package org.forewarn.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.forewarn.shared.SqlMarks;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/**
 * Where Forewarn keeps personal data, and how each place loses it. The one list (the README's "Data protection"
 * repeats it): {@code event.payload}; {@code customer_state.state} and {@code .phone}; {@code rendered_message}
 * (recipient, subject, body); {@code outreach_attempt.detail}; {@code outreach.explanation} and
 * {@code .status_reason}; {@code outreach_status_change.reason} (follow-up and review notes);
 * {@code detection.explanation} and {@code .resolved_reason}. Runs inside the caller's transaction.
 */
class PersonalData {

	private final JdbcClient jdbc;

	PersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Retention: the event keeps its envelope and non-personal fields; its id stays for duplicate checks. */
	void prunePayload(String eventId, Instant now) {
		jdbc.sql("select payload from event where id = ? and pruned_at is null").param(eventId).query(String.class)
			.optional()
			.ifPresent(payload -> jdbc.sql("update event set payload = ?, pruned_at = ? where id = ?")
				.params(PersonalText.withoutPersonalData(payload), utc(now), eventId).update());
	}

	/**
	 * Erasure: every event of the customer keeps its envelope only; the ids stay, so redelivery is a duplicate. How
	 * many events still held more than their envelope: those erased before (or pruned) are not counted again.
	 */
	int eraseEvents(String customerId, Instant now) {
		List<String[]> events = jdbc.sql("select id, payload from event where customer_id = ? and pruned_at is null")
			.param(customerId).query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		for (String[] event : events) {
			jdbc.sql("update event set payload = ?, pruned_at = ? where id = ?")
				.params(PersonalText.envelopeOnly(event[1]), utc(now), event[0]).update();
		}
		return events.size();
	}

	boolean hasEvents(String customerId) {
		return !jdbc.sql("select id from event where customer_id = ? fetch first 1 rows only").param(customerId)
			.query(String.class).list().isEmpty();
	}

	/** The customer's email addresses, phone numbers and names as their events, state and messages told them. */
	Set<String> contactDetails(String customerId) {
		Set<String> known = new LinkedHashSet<>();
		jdbc.sql("select payload from event where customer_id = ? and type = 'customer.updated'").param(customerId)
			.query(String.class).list()
			.forEach(payload -> PersonalText.collectContact(PersonalText.read(payload).get("data"), known));
		jdbc.sql("select state from customer_state where customer_id = ?").param(customerId).query(String.class)
			.optional().ifPresent(state -> {
				try {
					PersonalText.collectContact(PersonalText.read(state).get("customer"), known);
				}
				catch (RuntimeException unreadable) {
					// an unreadable state is deleted all the same; its details are in the events read above
				}
			});
		jdbc.sql("select m.recipient from rendered_message m join outreach o on o.id = m.outreach_id "
				+ "where o.customer_id = ? and m.recipient is not null").param(customerId).query(String.class).list()
			.forEach(known::add);
		return known;
	}

	int deleteMessages(List<String> outreachIds) {
		return outreachIds.isEmpty() ? 0 : jdbc.sql("delete from rendered_message where outreach_id in ("
				+ SqlMarks.of(outreachIds) + ")").params(outreachIds).update();
	}

	/**
	 * Drops explanations and attempt details, and scrubs notes, addresses and {@code known} values from status
	 * reasons and their history.
	 */
	/** How many of the records held details to drop (attempt details, an explanation, contact details in a reason). */
	int pruneOutreachDetails(List<String> outreachIds, Collection<String> known) {
		if (outreachIds.isEmpty()) {
			return 0;
		}
		String in = SqlMarks.of(outreachIds);
		Set<String> pruned = new HashSet<>(jdbc.sql("select distinct outreach_id from outreach_attempt where detail is "
				+ "not null and outreach_id in (" + in + ")").params(outreachIds).query(String.class).list());
		jdbc.sql("update outreach_attempt set detail = null where detail is not null and outreach_id in (" + in + ")")
			.params(outreachIds).update();
		jdbc.sql("select id, status_reason, explanation from outreach where id in (" + in + ")").params(outreachIds)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list()
			.forEach(r -> {
				String scrubbed = PersonalText.scrub(r[1], known);
				if (r[2] != null || !Objects.equals(scrubbed, r[1])) {
					pruned.add(r[0]);
				}
				jdbc.sql("update outreach set explanation = null, status_reason = ? where id = ?")
					.params(scrubbed, r[0]).update();
			});
		jdbc.sql("select seq, reason, outreach_id from outreach_status_change where reason is not null and "
				+ "outreach_id in (" + in + ")").params(outreachIds)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) }).list()
			.forEach(r -> {
				String scrubbed = PersonalText.scrub((String) r[1], known);
				if (!Objects.equals(scrubbed, r[1])) {
					pruned.add((String) r[2]);
					jdbc.sql("update outreach_status_change set reason = ? where seq = ?").params(scrubbed, r[0])
						.update();
				}
			});
		return pruned.size();
	}

	/** Erasure of what the rules concluded: explanations go, resolution reasons are scrubbed. */
	void eraseDetections(String customerId, Collection<String> known) {
		jdbc.sql("select problem, subject, rule_name, resolved_reason from detection where customer_id = ?")
			.param(customerId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list()
			.forEach(d -> jdbc.sql("update detection set explanation = null, resolved_reason = ? where customer_id = ? "
					+ "and problem = ? and subject = ? and rule_name = ?")
				.params(PersonalText.scrub(d[3], known), customerId, d[0], d[1], d[2]).update());
	}

	List<String> outreachIds(String customerId) {
		return jdbc.sql("select id from outreach where customer_id = ? order by id").param(customerId)
			.query(String.class).list();
	}

	/** No fallback is owed any more to a customer whose data is erased. */
	void stopFallbacks(String customerId) {
		jdbc.sql("update outreach set fallback_due = false where customer_id = ? and fallback_due = true")
			.param(customerId).update();
	}

	/** Takes the customer's state row lock, so events of the customer processed now wait for the erasure. */
	boolean lockState(String customerId) {
		return !jdbc.sql("select customer_id from customer_state where customer_id = ? for update").param(customerId)
			.query(String.class).list().isEmpty();
	}

	int deleteState(String customerId) {
		return jdbc.sql("delete from customer_state where customer_id = ?").param(customerId).update();
	}
}
