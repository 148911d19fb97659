package org.forewarn.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/** The states in the {@code customer_state} table, where every instance and the console see them. */
final class TableStateStore implements StateRowStore {

	private final JdbcClient jdbc;

	TableStateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> lockRevision(String customerId) {
		return jdbc.sql("select revision from customer_state where customer_id = ? for update")
			.param(customerId)
			.query((rs, row) -> rs.getLong(1))
			.optional();
	}

	@Override
	public String state(String customerId) {
		return jdbc.sql("select state from customer_state where customer_id = ?")
			.param(customerId)
			.query(String.class)
			.single();
	}

	@Override
	public boolean update(String customerId, String state, String phone, Instant at, long revision) {
		return jdbc.sql("update customer_state set state = ?, phone = ?, updated_at = ?, revision = ? "
				+ "where customer_id = ?")
			.params(state, phone, utc(at), revision, customerId)
			.update() > 0;
	}

	@Override
	public void insert(String customerId, String state, String phone, Instant at, long revision) {
		jdbc.sql("insert into customer_state (customer_id, state, phone, updated_at, revision) values (?, ?, ?, ?, ?)")
			.params(customerId, state, phone, utc(at), revision)
			.update();
	}

	@Override
	public boolean touch(String customerId, long revision) {
		return jdbc.sql("update customer_state set revision = ? where customer_id = ?").params(revision, customerId)
			.update() > 0;
	}

	@Override
	public List<String> customerIdsByPhone(String phone) {
		return jdbc.sql("select customer_id from customer_state where phone = ? order by customer_id").param(phone)
			.query(String.class).list();
	}

	@Override
	public void clear() {
		jdbc.sql("delete from customer_state").update();
	}
}
