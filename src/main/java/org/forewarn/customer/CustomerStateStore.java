package org.forewarn.customer;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.databind.json.JsonMapper;

/** Keeps each customer's folded state as one JSON document. */
@Repository
public class CustomerStateStore {

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
			.withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
			.withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
		.build();

	private final JdbcClient jdbc;

	CustomerStateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CustomerState load(String customerId) {
		return jdbc.sql("select state from customer_state where customer_id = ?")
			.param(customerId)
			.query((rs, row) -> JSON.readValue(rs.getString(1), CustomerState.class))
			.optional()
			.orElseGet(() -> new CustomerState(customerId));
	}

	public void save(CustomerState state, Instant at) {
		String json = JSON.writeValueAsString(state);
		int updated = jdbc.sql("update customer_state set state = ?, updated_at = ? where customer_id = ?")
			.params(json, at.atOffset(ZoneOffset.UTC), state.customerId())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into customer_state (customer_id, state, updated_at) values (?, ?, ?)")
				.params(state.customerId(), json, at.atOffset(ZoneOffset.UTC))
				.update();
		}
	}
}
