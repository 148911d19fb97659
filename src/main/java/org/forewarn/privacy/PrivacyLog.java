package org.forewarn.privacy;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/** Tombstones of erased customers and the audit trail of every export and erasure. */
class PrivacyLog {

	private final JdbcClient jdbc;

	PrivacyLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A customer id was erased at a moment by someone: all that is kept of the erasure. */
	record Tombstone(Instant erasedAt, String erasedBy) {
	}

	void tombstone(String customerId, Instant at, String actor) {
		jdbc.sql("insert into customer_erasure (customer_id, erased_at, erased_by) values (?, ?, ?)")
			.params(customerId, utc(at), actor).update();
	}

	List<Tombstone> tombstones(String customerId) {
		return jdbc.sql("select erased_at, erased_by from customer_erasure where customer_id = ? order by erased_at")
			.param(customerId)
			.query((rs, row) -> new Tombstone(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
					rs.getString(2)))
			.list();
	}

	void audit(Instant at, String actor, String action, String customerId, String detail) {
		jdbc.sql("insert into privacy_audit (at, actor, action, customer_id, detail) values (?, ?, ?, ?, ?)")
			.params(utc(at), actor, action, customerId, detail).update();
	}
}
