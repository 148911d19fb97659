package org.forewarn.channel;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/** The rendered messages in their table. */
final class TableRenderedMessages implements RenderedMessageStore {

	private static final String COLUMNS = "rendered_message (outreach_id, channel, recipient, subject, body, recorded, "
			+ "created_at)";

	private final JdbcClient jdbc;
	/** One statement stores a message or replaces the one stored before; H2 and PostgreSQL spell it differently. */
	private final String save;

	TableRenderedMessages(JdbcClient jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.save = postgres
				? "insert into " + COLUMNS + " values (?, ?, ?, ?, ?, ?, ?) on conflict (outreach_id) do update set "
						+ "channel = excluded.channel, recipient = excluded.recipient, subject = excluded.subject, "
						+ "body = excluded.body, recorded = excluded.recorded, created_at = excluded.created_at"
				: "merge into " + COLUMNS + " key (outreach_id) values (?, ?, ?, ?, ?, ?, ?)";
	}

	@Override
	public void save(OutgoingMessage message, RenderedMessage rendered, boolean recorded, Instant at) {
		jdbc.sql(save)
			.params(message.outreachId(), message.channel(), message.recipient(), rendered.subject(),
					rendered.text(), recorded, utc(at))
			.update();
	}

	@Override
	public Optional<StoredMessage> find(String outreachId) {
		return jdbc.sql("select channel, recipient, subject, body, recorded from rendered_message where outreach_id = ?")
			.param(outreachId)
			.query((rs, row) -> new StoredMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.optional();
	}

	@Override
	public void forgetKept() {
		// nothing kept: the rows are the table's
	}
}
