package org.forewarn.channel;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/** Keeps the rendered content of every outreach that went out, so people can see exactly what was said. */
final class RenderedMessageStore {

	private final JdbcClient jdbc;

	RenderedMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(OutgoingMessage message, RenderedMessage rendered, boolean recorded, Instant at) {
		jdbc.sql("delete from rendered_message where outreach_id = ?").param(message.outreachId()).update();
		jdbc.sql("""
				insert into rendered_message (outreach_id, channel, recipient, subject, body, recorded, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(message.outreachId(), message.channel(), message.recipient(), rendered.subject(),
					rendered.text(), recorded, utc(at))
			.update();
	}

	Optional<StoredMessage> find(String outreachId) {
		return jdbc.sql("select channel, recipient, subject, body, recorded from rendered_message where outreach_id = ?")
			.param(outreachId)
			.query((rs, row) -> new StoredMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.optional();
	}
}
