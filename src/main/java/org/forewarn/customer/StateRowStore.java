package org.forewarn.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where customer states are stored, one row per customer: the state's JSON, the phone number it gives, and the
 * revision it was stored under. Writes take part in the caller's transaction.
 */
interface StateRowStore {

	/** The row's revision, locking the row until the transaction ends; empty when the customer has none. */
	Optional<Long> lockRevision(String customerId);

	/** The stored JSON of a customer who has a row. */
	String state(String customerId);

	/** Replaces the customer's row; false when they have none. */
	boolean update(String customerId, String state, String phone, Instant at, long revision);

	/** Adds the row of a customer who has none. */
	void insert(String customerId, String state, String phone, Instant at, long revision);

	/** Gives the customer's row a new revision; false when they have none. */
	boolean touch(String customerId, long revision);

	/** The customers whose rows give this phone number (as {@link CustomerStateStore#phoneKey} writes it). */
	List<String> customerIdsByPhone(String phone);

	/** Drops every row: for a database emptied under it. */
	void clear();
}
