package org.forewarn.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.shared.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What was sent is kept once per outreach: a later attempt's message replaces the earlier one, on either database. */
class RenderedMessageStoreTest {

	private static final Instant AT = Instant.parse("2026-05-01T09:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aLaterAttemptsMessageReplacesTheEarlierOne(String vendor) {
		DataSource dataSource = databases.fresh(vendor);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		RenderedMessageStore store = new RenderedMessageStore(jdbc, new DatabaseKind(dataSource).postgres());

		store.save(message("out-1", "email", "ada@example.com"), new RenderedMessage("Late", "first", null), true, AT);
		store.save(message("out-2", "sms", "+4915100000001"), new RenderedMessage(null, "other", null), false, AT);
		store.save(message("out-1", "sms", "+4915100000002"), new RenderedMessage(null, "second", null), false,
				AT.plusSeconds(60));

		assertThat(store.find("out-1")).contains(new StoredMessage("sms", "+4915100000002", null, "second", false));
		assertThat(store.find("out-2")).contains(new StoredMessage("sms", "+4915100000001", null, "other", false));
		assertThat(jdbc.sql("select created_at from rendered_message where outreach_id = 'out-1'")
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single())
			.isEqualTo(AT.plusSeconds(60));
		assertThat(jdbc.sql("select count(*) from rendered_message").query(Integer.class).single()).isEqualTo(2);
	}

	private static OutgoingMessage message(String outreachId, String channel, String recipient) {
		return new OutgoingMessage(outreachId, channel, "late", recipient, Locale.ENGLISH, Map.of(), null);
	}
}
