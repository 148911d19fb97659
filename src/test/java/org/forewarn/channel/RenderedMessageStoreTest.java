package org.forewarn.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.shared.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What was sent is kept once per outreach: a later attempt's message replaces the earlier one, in the table on either
 * database and in a replay's memory alike.
 */
class RenderedMessageStoreTest {

	private static final Instant AT = Instant.parse("2026-05-01T09:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	private record Place(RenderedMessageStore store, TransactionTemplate transaction) {
	}

	/** The store kept in {@code place}; memory takes part in transactions on an H2 database's manager. */
	private static Place place(String place) {
		DataSource dataSource = databases.fresh(place.equals("memory") ? "h2" : place);
		RenderedMessageStore store = place.equals("memory") ? new MemoryRenderedMessages()
				: new TableRenderedMessages(JdbcClient.create(dataSource), new DatabaseKind(dataSource).postgres());
		return new Place(store, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aLaterAttemptsMessageReplacesTheEarlierOne(String place) {
		RenderedMessageStore store = place(place).store();

		store.save(message("out-1", "email", "ada@example.com"), new RenderedMessage("Late", "first", null), true, AT);
		store.save(message("out-2", "sms", "+4915100000001"), new RenderedMessage(null, "other", null), false, AT);
		store.save(message("out-1", "sms", "+4915100000002"), new RenderedMessage(null, "second", null), false,
				AT.plusSeconds(60));

		assertThat(store.find("out-1")).contains(new StoredMessage("sms", "+4915100000002", null, "second", false));
		assertThat(store.find("out-2")).contains(new StoredMessage("sms", "+4915100000001", null, "other", false));
		assertThat(store.find("out-3")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aMessageSavedInATransactionThatRollsBackIsNotKept(String place) {
		Place kept = place(place);
		kept.store().save(message("out-1", "email", "ada@example.com"), new RenderedMessage("Late", "first", null),
				true, AT);

		kept.transaction().executeWithoutResult(status -> {
			kept.store().save(message("out-1", "sms", "+4915100000002"), new RenderedMessage(null, "second", null),
					false, AT);
			kept.store().save(message("out-2", "sms", "+4915100000001"), new RenderedMessage(null, "other", null),
					false, AT);
			assertThat(kept.store().find("out-2")).as("seen in its own transaction").isPresent();
			status.setRollbackOnly();
		});

		assertThat(kept.store().find("out-1")).contains(new StoredMessage("email", "ada@example.com", "Late", "first",
				true));
		assertThat(kept.store().find("out-2")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void whatAColumnCannotHoldIsRefused(String place) {
		RenderedMessageStore store = place(place).store();

		assertThatThrownBy(() -> store.save(message("out-1", "email", "ada@example.com"),
				new RenderedMessage("Late", "x".repeat(100_001), null), true, AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> store.save(message("out-1", "email", "a".repeat(301)),
				new RenderedMessage("Late", "text", null), true, AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> store.save(message("out-1", "email", "ada@example.com"),
				new RenderedMessage("Late", null, null), true, AT))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(store.find("out-1")).isEmpty();

		store.save(message("out-1", "email", "ada@example.com"), new RenderedMessage("s".repeat(1000),
				"x".repeat(100_000), null), true, AT);
		assertThat(store.find("out-1")).hasValueSatisfying(m -> assertThat(m.body()).hasSize(100_000));
	}

	@Test
	void theTableKeepsWhenTheMessageWasStored() {
		DataSource dataSource = databases.fresh("h2");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		RenderedMessageStore store = new TableRenderedMessages(jdbc, false);

		store.save(message("out-1", "email", "ada@example.com"), new RenderedMessage("Late", "first", null), true, AT);
		store.save(message("out-1", "sms", "+4915100000002"), new RenderedMessage(null, "second", null), false,
				AT.plusSeconds(60));

		assertThat(jdbc.sql("select created_at from rendered_message where outreach_id = 'out-1'")
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single())
			.isEqualTo(AT.plusSeconds(60));
		assertThat(jdbc.sql("select count(*) from rendered_message").query(Integer.class).single()).isEqualTo(1);
	}

	private static OutgoingMessage message(String outreachId, String channel, String recipient) {
		return new OutgoingMessage(outreachId, channel, "late", recipient, Locale.ENGLISH, Map.of(), null);
	}
}
