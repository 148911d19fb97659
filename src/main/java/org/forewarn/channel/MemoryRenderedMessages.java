package org.forewarn.channel;

import java.time.Instant;
import java.util.Optional;

import org.forewarn.shared.ColumnText;
import org.forewarn.shared.TransactionalMap;

/**
 * The rendered messages of a process that alone writes them to a database it throws away at its end (a replay),
 * kept in its memory beside its outreach records. What the table's columns could not hold is refused, as the table
 * would refuse it. They are found through this store as the table's are; only SQL on the table (an erasure) misses
 * them.
 */
final class MemoryRenderedMessages implements RenderedMessageStore {

	private final TransactionalMap<String, StoredMessage> messages = new TransactionalMap<>();

	@Override
	public void save(OutgoingMessage message, RenderedMessage rendered, boolean recorded, Instant at) {
		ColumnText.refuseMissingOrLonger("rendered_message.outreach_id", message.outreachId(), 64);
		ColumnText.refuseMissingOrLonger("rendered_message.channel", message.channel(), 20);
		ColumnText.refuseLonger("rendered_message.recipient", message.recipient(), 300);
		ColumnText.refuseLonger("rendered_message.subject", rendered.subject(), 1000);
		ColumnText.refuseMissingOrLonger("rendered_message.body", rendered.text(), 100_000);
		messages.put(message.outreachId(), new StoredMessage(message.channel(), message.recipient(),
				rendered.subject(), rendered.text(), recorded));
	}

	@Override
	public Optional<StoredMessage> find(String outreachId) {
		return Optional.ofNullable(messages.get(outreachId));
	}

	@Override
	public void forgetKept() {
		messages.clear();
	}
}
