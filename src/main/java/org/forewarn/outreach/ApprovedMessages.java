package org.forewarn.outreach;

import java.time.Instant;
import java.util.Optional;

import org.forewarn.channel.RenderedMessage;
import org.forewarn.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exact message a reviewer approved (subject, text, HTML as rendered at approval, in the customer's language),
 * kept with the record so that what goes out is what was approved, whatever happens to the template afterwards.
 */
@Repository
class ApprovedMessages {

	private final JdbcClient jdbc;

	ApprovedMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(String outreachId, RenderedMessage content, Instant at) {
		jdbc.sql("insert into approved_message (outreach_id, subject, body, html, approved_at) values (?, ?, ?, ?, ?)")
			.params(outreachId, content.subject(), content.text(), content.html(), StoredTime.utc(at)).update();
	}

	/**
	 * What was approved for {@code o}. Only a record that waited for review can have been approved, and such a record
	 * keeps its review deadline ({@code review_until} is set on the way to PENDING_REVIEW and never cleared), so no
	 * other record is looked up: most never wait for review.
	 */
	Optional<RenderedMessage> of(Outreach o) {
		return o.reviewUntil() == null ? Optional.empty() : find(o.id());
	}

	Optional<RenderedMessage> find(String outreachId) {
		return jdbc.sql("select subject, body, html from approved_message where outreach_id = ?").param(outreachId)
			.query((rs, row) -> new RenderedMessage(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
	}
}
