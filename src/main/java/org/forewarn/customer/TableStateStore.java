package org.forewarn.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.forewarn.shared.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/**
 * The states in the {@code customer_state} table, where every instance and the console see them. Within a transaction
 * a row it has locked is not locked again, and only its last write of each row is stored, with its other rows in one
 * batch as it commits (a lane's share of a Kafka poll often holds several events of a customer). A row it adds is
 * stored then too, so a row another instance added meanwhile (a hand-over) fails the whole transaction at its commit,
 * which is then tried again. Until then the transaction holds the JSON of each row it wrote: a share's worth.
 */
final class TableStateStore implements StateRowStore {

	private static final String UPDATE = "update customer_state set state = ?, phone = ?, updated_at = ?, revision = ? "
			+ "where customer_id = ?";
	private static final String INSERT = "insert into customer_state (customer_id, state, phone, updated_at, revision) "
			+ "values (?, ?, ?, ?, ?)";

	/** A row's last write in the transaction, not stored yet; {@code added} when the row is new. */
	private record Write(String state, String phone, Instant at, boolean added) {
	}

	/** A row of the transaction's own, with its revision as the transaction sees it and its write still to store. */
	private record OwnRow(long revision, Write write) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final TransactionScoped<Map<String, OwnRow>> own = TransactionScoped.writtenBeforeCommit(HashMap::new,
			this::store);

	TableStateStore(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	@Override
	public Optional<Long> lockRevision(String customerId) {
		Map<String, OwnRow> rows = own.current();
		OwnRow mine = rows == null ? null : rows.get(customerId);
		if (mine != null) {
			return Optional.of(mine.revision());
		}
		Optional<Long> revision = jdbc.sql("select revision from customer_state where customer_id = ? for update")
			.param(customerId)
			.query((rs, row) -> rs.getLong(1))
			.optional();
		if (rows != null && revision.isPresent()) {
			rows.put(customerId, new OwnRow(revision.get(), null));
		}
		return revision;
	}

	@Override
	public String state(String customerId) {
		Map<String, OwnRow> rows = own.existing();
		OwnRow mine = rows == null ? null : rows.get(customerId);
		if (mine != null && mine.write() != null) {
			return mine.write().state();
		}
		return jdbc.sql("select state from customer_state where customer_id = ?")
			.param(customerId)
			.query(String.class)
			.single();
	}

	@Override
	public boolean update(String customerId, String state, String phone, Instant at, long revision) {
		Map<String, OwnRow> rows = own.current();
		OwnRow mine = rows == null ? null : rows.get(customerId);
		if (mine == null) { // not the transaction's: whether the row is there takes the statement itself
			boolean updated = jdbc.sql(UPDATE).params(state, phone, utc(at), revision, customerId).update() > 0;
			if (rows != null && updated) {
				rows.put(customerId, new OwnRow(revision, null)); // the update locked it
			}
			return updated;
		}
		boolean added = mine.write() != null && mine.write().added();
		rows.put(customerId, new OwnRow(revision, new Write(state, phone, at, added)));
		return true;
	}

	@Override
	public void insert(String customerId, String state, String phone, Instant at, long revision) {
		Map<String, OwnRow> rows = own.current();
		if (rows == null) {
			jdbc.sql(INSERT).params(customerId, state, phone, utc(at), revision).update();
			return;
		}
		if (rows.containsKey(customerId)) {
			throw new IllegalStateException("customer " + customerId + " has a stored state already");
		}
		rows.put(customerId, new OwnRow(revision, new Write(state, phone, at, true)));
	}

	@Override
	public boolean touch(String customerId, long revision) {
		Map<String, OwnRow> rows = own.current();
		OwnRow mine = rows == null ? null : rows.get(customerId);
		if (mine != null && mine.write() != null) {
			rows.put(customerId, new OwnRow(revision, mine.write()));
			return true;
		}
		boolean touched = jdbc.sql("update customer_state set revision = ? where customer_id = ?")
			.params(revision, customerId).update() > 0;
		if (rows != null && touched) {
			rows.put(customerId, new OwnRow(revision, null));
		}
		return touched;
	}

	@Override
	public List<String> customerIdsByPhone(String phone) {
		Map<String, OwnRow> rows = own.existing();
		if (rows != null) {
			store(rows); // the query reads every row
		}
		return jdbc.sql("select customer_id from customer_state where phone = ? order by customer_id").param(phone)
			.query(String.class).list();
	}

	@Override
	public void clear() {
		Map<String, OwnRow> rows = own.existing();
		if (rows != null) {
			rows.clear();
		}
		jdbc.sql("delete from customer_state").update();
	}

	/** Stores the rows' writes, an update and an insert batch at most; the rows stay the transaction's, written. */
	private void store(Map<String, OwnRow> rows) {
		List<String> updated = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		rows.forEach((customerId, row) -> {
			Write write = row.write();
			if (write != null && write.added()) {
				inserts.add(new Object[] { customerId, write.state(), write.phone(), utc(write.at()), row.revision() });
			}
			else if (write != null) {
				updated.add(customerId);
				updates.add(new Object[] { write.state(), write.phone(), utc(write.at()), row.revision(), customerId });
			}
		});
		if (!updates.isEmpty()) {
			int[] counts = batches.batchUpdate(UPDATE, updates);
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] == 0) { // the transaction's rows are locked: no one else can have removed one
					throw new IllegalStateException("the stored state of customer " + updated.get(i)
							+ " was removed while this transaction had it locked");
				}
			}
		}
		if (!inserts.isEmpty()) {
			batches.batchUpdate(INSERT, inserts);
		}
		rows.replaceAll((customerId, row) -> new OwnRow(row.revision(), null));
	}
}
