package org.forewarn.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.forewarn.logging.LogContext;
import org.forewarn.shared.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Keeps each customer's folded state as one JSON document. The customer's lane (its only writer) also keeps the
 * states it wrote last in memory, each with the revision it stored, and reads the document again only when the row
 * no longer has that revision. With a kept state it keeps what it learned of the customer ({@link Known}), true for
 * as long as the row keeps that revision.
 */
@Repository
public class CustomerStateStore {

	/**
	 * A state is its fields. Where a field has a public getter, the getter writes it: Blackbird calls getters
	 * directly, while a field is read through a method handle, which took about half of writing a state. A getter
	 * that no field or setter stands behind (a value worked out) is not written ({@code REQUIRE_SETTERS_FOR_GETTERS}).
	 */
	static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
			.withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
			.withVisibility(PropertyAccessor.GETTER, Visibility.PUBLIC_ONLY)
			.withVisibility(PropertyAccessor.IS_GETTER, Visibility.PUBLIC_ONLY)
			.withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
		.enable(MapperFeature.REQUIRE_SETTERS_FOR_GETTERS)
		.addModule(new SimpleModule().addSerializer(Instant.class, new InstantText()))
		.addModule(new BlackbirdModule())
		.build();

	/** Below the state column's size (1,000,000), with room to spare: orders are forgotten to stay under it. */
	static final int MAX_STATE = 800_000;
	private static final Logger log = LoggerFactory.getLogger(CustomerStateStore.class);

	private final StateRowStore rows;
	private final Cache<String, Written> written;
	private final boolean soleWriter;

	CustomerStateStore(JdbcClient jdbc, JdbcTemplate batches, StateCacheSettings settings) {
		this.rows = settings.inMemory() ? new MemoryStateStore() : new TableStateStore(jdbc, batches);
		// evictions run on the lane that wrote, not on a pool of their own: a size of 0 keeps nothing, at once
		this.written = Caffeine.newBuilder().maximumSize(Math.max(0, settings.customers())).executor(Runnable::run)
			.build();
		this.soleWriter = settings.soleWriter() || settings.inMemory();
	}

	/**
	 * A state as this instance last stored or read it; or, under {@link #NO_ROW}, as it began for a customer with none.
	 */
	private record Written(CustomerState state, long revision, Known known) {
	}

	/**
	 * What the lane learned the customer has none of. Work that gives a customer their first outreach or opens a
	 * detection for them changes their state's revision in the same transaction (saves or touches it), so another
	 * instance's work makes this knowledge unknown again.
	 */
	public record Known(boolean noOutreach, boolean noOpenDetections) {

		public static final Known NOTHING = new Known(false, false);
	}

	/** The revision of no stored state: never given to one ({@link #save}), so no row ever matches it. */
	private static final long NO_ROW = Long.MIN_VALUE;

	/**
	 * As {@link #load}, for the customer's lane only: the state it stored last when the locked row still has that
	 * revision. The lane changes the state it is given; when its processing then fails it must {@link #forget} it.
	 */
	public CustomerState loadInLane(String customerId) {
		Written kept = written.getIfPresent(customerId);
		if (soleWriter && kept != null) {
			return kept.state(); // no one else writes it: the row is as this process left it
		}
		Optional<Long> revision = lock(customerId);
		if (revision.isEmpty()) {
			CustomerState first = new CustomerState(customerId);
			written.put(customerId, new Written(first, NO_ROW, Known.NOTHING)); // its save inserts, trying no update
			return first;
		}
		if (kept != null && kept.revision() == revision.get()) {
			return kept.state();
		}
		written.invalidate(customerId); // what it knew was of an older revision, even if this one cannot be read
		CustomerState read = fetch(customerId);
		written.put(customerId, new Written(read, revision.get(), Known.NOTHING));
		return read;
	}

	/** What the lane knows of the customer whose state it has just loaded ({@link #loadInLane}). */
	public Known known(String customerId) {
		Written kept = written.getIfPresent(customerId);
		return kept == null ? Known.NOTHING : kept.known();
	}

	/**
	 * Keeps what the lane learned of the customer, with the state it loaded or saved last: true as of the revision
	 * the transaction commits.
	 */
	public void learned(String customerId, Known known) {
		Written kept = written.getIfPresent(customerId);
		if (kept != null && !kept.known().equals(known)) { // most events teach nothing new: a read, not a write
			written.asMap().computeIfPresent(customerId, (id, k) -> new Written(k.state(), k.revision(), known));
		}
	}

	/** Drops the kept state of a customer whose processing failed: it may hold changes that were rolled back. */
	public void forget(String customerId) {
		written.invalidate(customerId);
	}

	/** Whether this instance keeps the customer's state in memory. */
	public boolean keeps(String customerId) {
		return written.getIfPresent(customerId) != null;
	}

	/** Drops every kept state, and the stored ones: for a database emptied under it (a replay starting over). */
	public void forgetAll() {
		written.invalidateAll();
		rows.clear();
	}

	/**
	 * The customer's state; throws {@link UnreadableStateException} when what is stored cannot be read. Inside a
	 * transaction the row stays locked until it ends, so an erasure of the customer and the processing of their
	 * event never overwrite each other.
	 */
	public CustomerState load(String customerId) {
		return stored(customerId).orElseGet(() -> new CustomerState(customerId));
	}

	/** As {@link #load}; empty when no state is stored for the customer (never seen, or erased). */
	public Optional<CustomerState> stored(String customerId) {
		Optional<Long> revision = lock(customerId);
		return revision.isEmpty() ? Optional.empty() : Optional.of(fetch(customerId));
	}

	/**
	 * Locks the customer's row, reading its revision alone, so a kept state (up to {@link #MAX_STATE} characters) is
	 * not fetched again; empty when the customer has no stored state.
	 */
	private Optional<Long> lock(String customerId) {
		return rows.lockRevision(customerId);
	}

	/** The stored state, read from its row. */
	private CustomerState fetch(String customerId) {
		return read(customerId, rows.state(customerId));
	}

	private static CustomerState read(String customerId, String json) {
		try {
			return JSON.readValue(json, CustomerState.class);
		}
		catch (JacksonException e) {
			throw new UnreadableStateException("stored state of customer " + customerId + " cannot be read: "
					+ e.getOriginalMessage(), e);
		}
	}

	/** Stored state that cannot be read back (written by an older version, or damaged). */
	public static final class UnreadableStateException extends RuntimeException {
		UnreadableStateException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** Stores the state under a new revision; called from the customer's lane, which keeps it for the next event. */
	public void save(CustomerState state, Instant at) {
		String json = JSON.writeValueAsString(state);
		int forgotten = 0;
		while (json.length() > MAX_STATE && state.forgetLeastNeededOrder()) {
			json = JSON.writeValueAsString(state);
			forgotten++;
		}
		if (forgotten > 0) {
			log.warn("State of customer {} outgrew {} characters; forgot {} orders (closed ones first)",
					LogContext.customerRef(state.customerId()), MAX_STATE, forgotten);
		}
		String phone = phoneKey(state.customer().getPhone());
		long revision = newRevision();
		Written kept = written.getIfPresent(state.customerId());
		boolean rowless = kept != null && kept.state() == state && kept.revision() == NO_ROW;
		if (rowless || !rows.update(state.customerId(), json, phone, at, revision)) {
			rows.insert(state.customerId(), json, phone, at, revision);
		}
		// what the lane knew still holds: it changed the state itself, nothing else
		written.put(state.customerId(), new Written(state, revision, kept != null && kept.state() == state
				? kept.known() : Known.NOTHING));
	}

	/**
	 * Gives the customer's stored state a new revision, changing nothing else: for work that changed what a lane may
	 * know of the customer ({@link Known}) without changing their state.
	 */
	public void touch(String customerId) {
		long revision = newRevision();
		if (rows.touch(customerId, revision)) {
			written.asMap().computeIfPresent(customerId, (id, kept) -> new Written(kept.state(), revision, kept.known()));
		}
	}

	private static long newRevision() {
		long revision;
		do {
			revision = ThreadLocalRandom.current().nextLong();
		}
		while (revision == NO_ROW);
		return revision;
	}

	/** The customers whose phone number this is (an inbound SMS says only where it came from). */
	public List<String> customerIdsByPhone(String phone) {
		String key = phoneKey(phone);
		return key == null ? List.of() : rows.customerIdsByPhone(key);
	}

	/** The number in E.164, as inbound messages name it; none for a number that cannot be read as one. */
	static String phoneKey(String phone) {
		return PhoneNumbers.e164(phone).orElse(null);
	}
}
