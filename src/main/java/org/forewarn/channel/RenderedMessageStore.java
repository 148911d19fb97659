package org.forewarn.channel;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the rendered content of every outreach that went out, so people can see exactly what was said: in its table
 * ({@link TableRenderedMessages}), or in memory with the outreach records of a replay ({@link MemoryRenderedMessages}).
 * Writes take part in the caller's transaction.
 */
interface RenderedMessageStore {

	/** Stores what was sent for the outreach, replacing what an earlier attempt stored. */
	void save(OutgoingMessage message, RenderedMessage rendered, boolean recorded, Instant at);

	Optional<StoredMessage> find(String outreachId);

	/** Drops the messages kept in memory, for a database emptied under them; the table's are left to its owner. */
	void forgetKept();
}
