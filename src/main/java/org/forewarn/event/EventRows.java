package org.forewarn.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Where accepted events are kept, once per id. Writes take part in the caller's transaction. */
interface EventRows {

	/** Stores each event not stored before; for each, whether it was new. An id the list repeats is new once. */
	List<Boolean> insertAllIfNew(List<Event> batch, Instant receivedAt);

	/** Every stored event of these types, by event time, then id. */
	List<Event> ofTypes(Collection<String> types);

	/** The customer's stored events, by event time, then the time they were received, then id. */
	List<Event> ofCustomer(String customerId);

	/** Drops every stored event. */
	void clear();
}
