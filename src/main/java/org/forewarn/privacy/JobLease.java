package org.forewarn.privacy;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.forewarn.shared.StoredTime.utc;

/**
 * A lease in the shared database so that one instance at a time runs a periodic job. The holder renews it while
 * working; one that died frees it when {@code locked_until} passes. Each statement commits on its own.
 */
final class JobLease {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	JobLease(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Takes (or renews) the lease for {@code length}; false when another instance holds it. */
	boolean acquire(String name, Duration length) {
		Instant now = clock.instant();
		try {
			jdbc.sql("insert into job_lease (name, locked_until, locked_by) values (?, ?, ?)")
				.params(name, utc(now.plus(length)), holder).update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return jdbc.sql("update job_lease set locked_until = ?, locked_by = ? where name = ? "
					+ "and (locked_until <= ? or locked_by = ?)")
				.params(utc(now.plus(length)), holder, name, utc(now), holder).update() == 1;
		}
	}

	void release(String name) {
		jdbc.sql("update job_lease set locked_until = ? where name = ? and locked_by = ?")
			.params(utc(clock.instant()), name, holder).update();
	}
}
